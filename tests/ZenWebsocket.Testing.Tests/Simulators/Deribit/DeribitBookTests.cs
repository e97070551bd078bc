using System.Text.Json;
using ZenWebsocket.Testing.Simulators.Deribit;

namespace ZenWebsocket.Testing.Tests.Simulators.Deribit;

public class DeribitBookTests
{
    [Fact]
    public async Task Aggregated_book_is_a_snapshot_then_changes_chained_by_change_id()
    {
        var clock = Sim.Clock();
        await using var sim = await DeribitSimulator.StartAsync(Sim.Quiet(clock) with { GenerateMarketData = true, Seed = 7 });
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        const string channel = "book.BTC-PERPETUAL.100ms";
        await client.ResultAsync("public/subscribe", new { channels = new[] { channel } });

        var snapshot = await client.NotificationAsync(channel);
        Assert.Equal("snapshot", snapshot.GetProperty("type").GetString());
        Assert.False(snapshot.TryGetProperty("prev_change_id", out _));
        Assert.All(snapshot.GetProperty("bids").EnumerateArray(), e => Assert.Equal("new", e[0].GetString()));
        var last = snapshot.GetProperty("change_id").GetInt64();
        for (var i = 0; i < 5; i++)
        {
            JsonElement change;
            do
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
            }
            while (await client.NothingAsync(m => IsOn(m, channel), 50));

            change = await client.NotificationAsync(channel);
            Assert.Equal("change", change.GetProperty("type").GetString());
            Assert.Equal(last, change.GetProperty("prev_change_id").GetInt64());
            Assert.True(change.GetProperty("change_id").GetInt64() > last);
            last = change.GetProperty("change_id").GetInt64();
        }
    }

    [Fact]
    public async Task Raw_book_deltas_follow_client_orders_and_the_gap_switch_breaks_the_chain()
    {
        await using var sim = await Sim.StartQuietAsync(Sim.Clock());
        await using var client = await DeribitClient.ConnectAsync(sim.WebSocketUrl);
        await client.AuthAsync();
        const string channel = "book.BTC-PERPETUAL.raw";
        await client.ResultAsync("public/subscribe", new { channels = new[] { channel } });
        var snapshot = await client.NotificationAsync(channel);
        var bestBid = snapshot.GetProperty("bids")[0][1].GetDecimal();

        await client.ResultAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 50_000 });
        var first = await client.NotificationAsync(channel);
        Assert.Equal(snapshot.GetProperty("change_id").GetInt64(), first.GetProperty("prev_change_id").GetInt64());
        var entry = Assert.Single(first.GetProperty("bids").EnumerateArray());
        Assert.Equal(("new", 50_000m, 10m), (entry[0].GetString(), entry[1].GetDecimal(), entry[2].GetDecimal()));
        Assert.True(bestBid > 0);

        sim.InjectBookGap("BTC-PERPETUAL");
        await client.ResultAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 49_000 });
        await client.ResultAsync("private/buy", new { instrument_name = "BTC-PERPETUAL", amount = 10, price = 48_000 });
        var afterGap = await client.NotificationAsync(channel);

        Assert.NotEqual(first.GetProperty("change_id").GetInt64(), afterGap.GetProperty("prev_change_id").GetInt64());
        Assert.Equal(48_000m, afterGap.GetProperty("bids")[0][1].GetDecimal());
    }

    private static bool IsOn(JsonElement message, string channel) =>
        message.TryGetProperty("params", out var p) && p.TryGetProperty("channel", out var c) && c.GetString() == channel;
}
