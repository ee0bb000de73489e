namespace Marketplaces.Hosting;

/// <summary>
/// The app cannot start as configured; the message says why and what to do, in words for the operator. Program
/// prints it and exits non-zero, without a stack trace.
/// </summary>
public sealed class StartupRefusal(string message, Exception? inner = null) : Exception(message, inner);
