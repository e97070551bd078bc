using System.Globalization;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ZenWebsocket.Binance;

namespace ZenWebsocket.Benchmarks;

/// <summary>
/// The order-book hot path of Binance: reading one <c>depthUpdate</c> diff (10 bids + 10 asks, string prices) with the
/// library's one-pass reader against a <see cref="JsonDocument"/> and a <see cref="JsonSerializer"/> baseline that build
/// the same <see cref="BinanceDepthUpdate"/>; then the per-event cost of applying prepared diffs to a
/// <see cref="BinanceOrderBook"/> of 100 levels a side.
/// </summary>
public class BinanceDepthBenchmarks
{
    private const int Events = 1_000;
    private const int SnapshotLevels = 100;

    private byte[] _diff = [];
    private BinanceDepthSnapshot _snapshot = null!;
    private BinanceDepthUpdate[] _updates = [];
    private readonly BinanceOrderBook _book = new("BTCUSDT");

    [GlobalSetup]
    public void Prepare()
    {
        var random = new Random(11);
        _diff = Encoding.UTF8.GetBytes(DiffJson(random, firstId: 1_000_001, finalId: 1_000_020));

        // The snapshot: 100 levels a side around 60,000.00, one cent apart.
        var bids = new List<BinanceBookLevel>();
        var asks = new List<BinanceBookLevel>();
        for (var i = 0; i < SnapshotLevels; i++)
        {
            bids.Add(new BinanceBookLevel(59_999.99m - (i * 0.01m), Quantity(random)));
            asks.Add(new BinanceBookLevel(60_000.00m + (i * 0.01m), Quantity(random)));
        }

        _snapshot = new BinanceDepthSnapshot(1_000_000, bids, asks);

        // 1,000 consecutive diffs, each parsed once here so the benchmark measures the book alone.
        _updates = new BinanceDepthUpdate[Events];
        var next = 1_000_001L;
        for (var i = 0; i < Events; i++)
        {
            var final = next + random.Next(1, 20);
            _updates[i] = BinanceDepthUpdate.Parse(Encoding.UTF8.GetBytes(DiffJson(random, next, final)));
            next = final + 1;
        }
    }

    /// <summary>The library's reader: one <see cref="Utf8JsonReader"/> pass, decimals parsed from the UTF-8 bytes.</summary>
    [Benchmark(Baseline = true)]
    public BinanceDepthUpdate ParseWithDepthReader() => BinanceDepthUpdate.Parse(_diff);

    /// <summary>The DOM alternative: <see cref="JsonDocument"/>, then the same record with decimals from strings.</summary>
    [Benchmark]
    public BinanceDepthUpdate ParseWithJsonDocument()
    {
        using var document = JsonDocument.Parse(_diff);
        var root = document.RootElement;
        return new BinanceDepthUpdate(
            root.GetProperty("s").GetString()!,
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("E").GetInt64()),
            root.GetProperty("U").GetInt64(),
            root.GetProperty("u").GetInt64(),
            Levels(root.GetProperty("b")),
            Levels(root.GetProperty("a")));
    }

    /// <summary>The serializer alternative: source-generated <see cref="JsonSerializer.Deserialize{TValue}(ReadOnlySpan{byte}, System.Text.Json.Serialization.Metadata.JsonTypeInfo{TValue})"/>
    /// into string arrays, then the same record.</summary>
    [Benchmark]
    public BinanceDepthUpdate ParseWithJsonSerializer()
    {
        var wire = JsonSerializer.Deserialize(_diff, BenchJson.Default.DepthUpdateWire)!;
        return new BinanceDepthUpdate(
            wire.Symbol,
            DateTimeOffset.FromUnixTimeMilliseconds(wire.EventTime),
            wire.FirstUpdateId,
            wire.FinalUpdateId,
            Levels(wire.Bids),
            Levels(wire.Asks));
    }

    /// <summary>Loading the 100 + 100 level snapshot alone: subtract it (÷ 1,000) from <see cref="ApplyDiffPerEvent"/>.</summary>
    [Benchmark]
    public int LoadSnapshot()
    {
        _book.Load(_snapshot);
        return _book.BidCount;
    }

    /// <summary>Per event: load the snapshot, then apply 1,000 prepared diffs (10 + 10 levels each, a fifth of them
    /// removals); the time and allocations are divided by 1,000.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public long ApplyDiffPerEvent()
    {
        _book.Load(_snapshot);
        foreach (var update in _updates)
        {
            if (_book.Apply(update) != BinanceBookApplyResult.Applied)
            {
                throw new InvalidOperationException("A prepared diff did not continue the book.");
            }
        }

        return _book.LastUpdateId;
    }

    private static string DiffJson(Random random, long firstId, long finalId)
    {
        var builder = new StringBuilder(1024);
        builder.Append(CultureInfo.InvariantCulture, $$"""{"e":"depthUpdate","E":1700000000123,"s":"BTCUSDT","U":{{firstId}},"u":{{finalId}},"b":[""");
        AppendLevels(builder, random, 59_999.99m, -0.01m);
        builder.Append("],\"a\":[");
        AppendLevels(builder, random, 60_000.00m, 0.01m);
        builder.Append("]}");
        return builder.ToString();
    }

    private static void AppendLevels(StringBuilder builder, Random random, decimal best, decimal step)
    {
        for (var i = 0; i < 10; i++)
        {
            // Levels within the snapshot's range; one in five is removed (quantity 0), as real diffs do.
            var price = best + (random.Next(0, SnapshotLevels + 20) * step);
            var quantity = random.Next(0, 5) == 0 ? 0m : Quantity(random);
            builder.Append(i == 0 ? "" : ",")
                .Append(CultureInfo.InvariantCulture, $"[\"{price:F2}\",\"{quantity:F8}\"]");
        }
    }

    private static decimal Quantity(Random random) => random.Next(1, 500_000) / 100_000m;

    private static BinanceBookLevel[] Levels(JsonElement side)
    {
        var levels = new BinanceBookLevel[side.GetArrayLength()];
        var i = 0;
        foreach (var level in side.EnumerateArray())
        {
            levels[i++] = new BinanceBookLevel(
                decimal.Parse(level[0].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(level[1].GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return levels;
    }

    private static BinanceBookLevel[] Levels(string[][] side)
    {
        var levels = new BinanceBookLevel[side.Length];
        for (var i = 0; i < side.Length; i++)
        {
            levels[i] = new BinanceBookLevel(
                decimal.Parse(side[i][0], NumberStyles.Float, CultureInfo.InvariantCulture),
                decimal.Parse(side[i][1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return levels;
    }
}
