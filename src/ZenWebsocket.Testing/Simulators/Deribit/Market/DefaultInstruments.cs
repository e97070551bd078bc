using System.Globalization;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>
/// The default instrument set with Deribit's real tick and contract sizes. Dated instruments expire on the next
/// quarterly expiry (last Friday of Mar/Jun/Sep/Dec, 08:00 UTC) at least a week after start, so their names look live.
/// </summary>
internal static class DefaultInstruments
{
    public static IReadOnlyList<DeribitInstrument> Create(DateTimeOffset now)
    {
        var expiry = NextQuarterly(now.AddDays(7));
        var code = expiry.Day.ToString(CultureInfo.InvariantCulture)
            + expiry.ToString("MMM", CultureInfo.InvariantCulture).ToUpperInvariant()
            + expiry.ToString("yy", CultureInfo.InvariantCulture);
        return
        [
            new("BTC-PERPETUAL", "future", "BTC", 0.5m, 10m, 10m, 60_000m),
            new("ETH-PERPETUAL", "future", "ETH", 0.05m, 1m, 1m, 3_000m),
            new($"BTC-{code}", "future", "BTC", 2.5m, 10m, 10m, 60_600m) { Expiration = expiry },
            new($"ETH-{code}", "future", "ETH", 0.25m, 1m, 1m, 3_030m) { Expiration = expiry },
            new($"BTC-{code}-60000-C", "option", "BTC", 0.0005m, 1m, 0.1m, 0.05m)
            {
                Expiration = expiry, Strike = 60_000m, OptionType = "call",
            },
            new($"BTC-{code}-60000-P", "option", "BTC", 0.0005m, 1m, 0.1m, 0.045m)
            {
                Expiration = expiry, Strike = 60_000m, OptionType = "put",
            },
        ];
    }

    private static DateTimeOffset NextQuarterly(DateTimeOffset after)
    {
        var month = new DateTime(after.Year, after.Month, 1, 8, 0, 0, DateTimeKind.Utc);
        while (true)
        {
            if (month.Month % 3 == 0)
            {
                var last = month.AddMonths(1).AddDays(-1);
                while (last.DayOfWeek != DayOfWeek.Friday)
                {
                    last = last.AddDays(-1);
                }

                if (last > after.UtcDateTime)
                {
                    return new DateTimeOffset(last, TimeSpan.Zero);
                }
            }

            month = month.AddMonths(1);
        }
    }
}
