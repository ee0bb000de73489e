using Marketplaces.Hosting;
using MudBlazor;

namespace Marketplaces.Components.Layout;

/// <summary>
/// A page's save when the database cannot take it (unreachable, disk full): said where the seller is, with the form
/// left as typed, so they can save again. <see cref="PageErrorBoundary"/> would say it too, but in place of the page,
/// losing what was typed.
/// </summary>
public static class SaveGuard
{
    public const string NotSaved = "Not saved: the database cannot be reached or written just now. What you typed is still here; save again in a moment.";

    /// <returns>Whether <paramref name="save"/> ran to its end.</returns>
    public static async Task<bool> RunAsync(ISnackbar snackbar, Func<Task> save)
    {
        try
        {
            await save();
            return true;
        }
        catch (Exception e) when (DatabaseOutage.Caused(e))
        {
            snackbar.Add(NotSaved, Severity.Error);
            return false;
        }
    }

    /// <returns>What <paramref name="save"/> returned, or null when the database could not take it.</returns>
    public static async Task<T?> RunAsync<T>(ISnackbar snackbar, Func<Task<T>> save) where T : class
    {
        T? result = null;
        return await RunAsync(snackbar, async () => { result = await save(); }) ? result : null;
    }
}
