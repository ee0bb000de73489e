// The packing slips' Print button: the app's content security policy runs no inline script.
document.addEventListener('click', event => {
    if (event.target instanceof Element && event.target.closest('[data-print]')) window.print();
});
