using Marketplaces.Database;

namespace Marketplaces.Tests.Database;

public class PlannerStatisticsTests
{
    [Theory]
    [InlineData(0, 999, false)]
    [InlineData(800, 1_000, true)]
    [InlineData(1_000, 1_200, false)]
    [InlineData(1_800, 2_000, true)]
    [InlineData(2_000, 3_999, false)]
    [InlineData(3_800, 4_000, true)]
    [InlineData(0, 50_000, true)]
    [InlineData(32_000, 50_000, false)]
    [InlineData(63_800, 64_000, true)]
    public void A_run_refreshes_statistics_each_time_its_rows_double_from_a_thousand(int before, int after, bool due) =>
        Assert.Equal(due, PlannerStatistics.Due(before, after));
}
