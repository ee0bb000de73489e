using Marketplaces.Database;
using Marketplaces.Database.Locks;
using Marketplaces.Tests.Infrastructure;

namespace Marketplaces.Tests.Database;

/// <summary>One holder at a time per name: in process on SQLite, across instances (here: two lock services) on PostgreSQL.</summary>
public sealed class ExclusiveLocksTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_second_holder_waits_until_the_first_lets_go_and_other_names_do_not_wait(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider, "locks");
        var first = database.Locks;
        var second = provider == DatabaseProvider.Sqlite ? first : new PostgreSqlAdvisoryLocks(database.Connection);

        var held = await first.AcquireAsync("feed", "a", default);
        var waiting = second.AcquireAsync("feed", "a", default);
        await using (await second.AcquireAsync("feed", "b", default))
        await using (await second.AcquireAsync("refresh", "a", default))
        {
            await LockQueue.WaitForWaitersAsync(first, database.Connection, "feed", "a", 1);
            Assert.False(waiting.IsCompleted);
        }
        await held.DisposeAsync();
        await using (await waiting.WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }
        await using (await first.AcquireAsync("feed", "a", default).WaitAsync(TimeSpan.FromSeconds(10)))
        {
        }
    }

    [Fact]
    public async Task A_waiter_that_gives_up_leaves_the_lock_usable()
    {
        var locks = new InProcessLocks();
        var held = await locks.AcquireAsync("shipment", "x", default);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => locks.AcquireAsync("shipment", "x", cancel.Token));
        await held.DisposeAsync();
        await using (await locks.AcquireAsync("shipment", "x", default).WaitAsync(TimeSpan.FromSeconds(5)))
        {
            Assert.Equal(1, locks.Users("shipment", "x"));
        }
        Assert.Equal(0, locks.Users("shipment", "x"));
    }
}
