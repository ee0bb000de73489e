namespace Marketplaces.Hosting;

/// <summary>
/// The app cannot start as configured; the message says why and what to do, in words for the operator. Program
/// prints it and exits non-zero, without a stack trace.
/// </summary>
public sealed class StartupRefusal(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The refusal behind a failed start, also when the host gathered it with other failures.</summary>
    public static StartupRefusal? In(Exception failure) => failure switch
    {
        StartupRefusal refusal => refusal,
        AggregateException all => all.InnerExceptions.Select(In).FirstOrDefault(r => r is not null),
        _ => null,
    };
}
