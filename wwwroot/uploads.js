// The Uploads page sends the chosen video straight to the app with one streaming PUT, instead of through Blazor's
// InputFile stream (about 7 MB/s over the circuit): the browser reads the file from disk as it sends it, and the
// page hears the bytes sent about five times a second.
window.marketplacesUpload = (input, url, page) => new Promise(resolve => {
    const file = input.files[0];
    if (!file) { resolve('Choose the video first.'); return; }
    const request = new XMLHttpRequest();
    let shown = 0;
    request.upload.onprogress = event => {
        const now = Date.now();
        if (now - shown < 200 && event.loaded < event.total) return;
        shown = now;
        page.invokeMethodAsync('Sent', event.loaded);
    };
    request.onload = () => resolve(request.status === 204 ? null : (request.responseText || `The app answered ${request.status}.`));
    request.onerror = () => resolve('The connection to the app was lost while sending the file.');
    request.open('PUT', url);
    request.setRequestHeader('Content-Type', 'application/octet-stream');
    request.send(file);
});
