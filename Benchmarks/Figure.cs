namespace Marketplaces.Benchmarks;

/// <summary>One line of the table: what was measured, against which target, and how.</summary>
public sealed record Figure(string Scenario, string Measured, string Target, bool? Passed, string How)
{
    /// <summary>Tab-separated, prefixed so scripts/bench can pick the rows out of the app's console output.</summary>
    public string Row => string.Join('\t', "FIGURE", Scenario, Measured, Target, Passed switch { true => "pass", false => "FAIL", null => "-" }, How);
}
