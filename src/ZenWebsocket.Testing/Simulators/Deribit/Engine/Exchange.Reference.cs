using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

internal sealed partial class Exchange
{
    private JsonNode GetInstruments(CallContext c)
    {
        var currency = Currency(c.Params);
        var kind = c.Params.String("kind");
        var expired = c.Params.Bool("expired") ?? false;
        var list = _instruments.Values
            .Where(i => !expired && (currency == "any" || i.Currency == currency) && (kind is null || i.Kind == kind))
            .Select(i => (JsonNode)InstrumentJson(i)).ToArray();
        return new JsonArray(list);
    }

    private JsonNode GetInstrument(CallContext c) => InstrumentJson(Instrument(c.Params));

    private JsonNode GetCurrencies(CallContext c)
    {
        var currencies = _instruments.Values.Select(i => i.Currency).Distinct(StringComparer.Ordinal);
        return new JsonArray(currencies.Select(cur => (JsonNode)new JsonObject
        {
            ["currency"] = cur,
            ["currency_long"] = cur switch { "BTC" => "Bitcoin", "ETH" => "Ethereum", _ => cur },
            ["coin_type"] = cur switch { "BTC" => "BITCOIN", "ETH" => "ETHER", _ => "OTHER" },
            ["fee_precision"] = 4,
            ["min_confirmations"] = 1,
            ["min_withdrawal_fee"] = 0.0001m,
            ["withdrawal_fee"] = 0.0001m,
            ["withdrawal_priorities"] = new JsonArray(),
        }).ToArray());
    }

    private JsonNode GetIndexPrice(CallContext c)
    {
        var name = c.Params.RequireString("index_name");
        var instrument = _instruments.Values.FirstOrDefault(i => i.IndexName == name)
            ?? throw RpcException.Invalid("index_name", "unknown index");
        var price = IndexPrice(instrument.Currency);
        return new JsonObject { ["index_price"] = Num.Json(price), ["estimated_delivery_price"] = Num.Json(price) };
    }

    private JsonNode GetOrderBook(CallContext c)
    {
        var instrument = Instrument(c.Params);
        var depth = (int)(c.Params.Long("depth") ?? 20);
        if (depth is not (1 or 5 or 10 or 20 or 50 or 100 or 1000 or 10000))
        {
            throw RpcException.Invalid("depth", "must be one of the following: 1, 5, 10, 20, 50, 100, 1000, 10000");
        }

        var book = Ticker(instrument, c.NowMs);
        book["change_id"] = instrument.Feed.ChangeId;
        book["bids"] = Pairs(instrument.Book.Levels(bids: true, depth));
        book["asks"] = Pairs(instrument.Book.Levels(bids: false, depth));
        return book;
    }

    private static JsonArray Pairs(IEnumerable<(decimal Price, decimal Amount)> levels) =>
        new(levels.Select(l => (JsonNode)new JsonArray(Num.Json(l.Price), Num.Json(l.Amount))).ToArray());

    private decimal IndexPrice(string currency)
    {
        var reference = _instruments.Values.Where(i => i.Currency == currency && !i.Definition.IsOption)
            .OrderByDescending(i => i.Definition.IsPerpetual).FirstOrDefault();
        return reference is null ? 0 : Num.RoundToTick(reference.MarkPrice, 0.01m);
    }

    private static JsonObject InstrumentJson(InstrumentState i)
    {
        var d = i.Definition;
        var json = new JsonObject
        {
            ["instrument_name"] = d.Name,
            ["instrument_id"] = i.InstrumentId,
            ["kind"] = d.Kind,
            ["instrument_type"] = d.IsOption ? "reversed" : "reversed",
            ["base_currency"] = d.BaseCurrency,
            ["quote_currency"] = d.IsOption ? d.BaseCurrency : "USD",
            ["counter_currency"] = "USD",
            ["settlement_currency"] = d.BaseCurrency,
            ["price_index"] = i.IndexName,
            ["tick_size"] = Num.Json(d.TickSize),
            ["tick_size_steps"] = new JsonArray(),
            ["contract_size"] = Num.Json(d.ContractSize),
            ["min_trade_amount"] = Num.Json(d.MinTradeAmount),
            ["maker_commission"] = d.IsOption ? 0.0003m : 0m,
            ["taker_commission"] = d.IsOption ? 0.0003m : 0.0005m,
            ["block_trade_commission"] = 0.00025m,
            ["block_trade_min_trade_amount"] = 200_000,
            ["block_trade_tick_size"] = 0.01m,
            ["max_leverage"] = d.IsOption ? null : 50,
            ["max_liquidation_commission"] = d.IsOption ? null : 0.0075m,
            ["settlement_period"] = d.IsPerpetual ? "perpetual" : "month",
            ["is_active"] = true,
            ["rfq"] = false,
            ["creation_timestamp"] = 1_534_167_754_000L,
            ["expiration_timestamp"] = d.Expiration is { } e ? Num.Millis(e) : 32_503_708_800_000L,
        };
        if (!d.IsOption)
        {
            json["future_type"] = "reversed";
        }
        else
        {
            json["strike"] = Num.Json(d.Strike!.Value);
            json["option_type"] = d.OptionType;
        }

        return json;
    }
}
