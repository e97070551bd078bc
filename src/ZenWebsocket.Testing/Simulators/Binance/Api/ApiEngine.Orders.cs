using System.Globalization;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Binance;

internal sealed partial class ApiEngine
{
    private static readonly HashSet<string> OrderPlaceParams = new(StringComparer.Ordinal)
    {
        "symbol", "side", "type", "timeInForce", "price", "quantity", "quoteOrderQty", "newClientOrderId",
        "newOrderRespType", "stopPrice", "trailingDelta", "icebergQty", "strategyId", "strategyType",
        "selfTradePreventionMode", "pegPriceType", "pegOffsetValue", "pegOffsetType", "apiKey", "recvWindow",
        "signature", "timestamp", "returnRateLimits",
    };

    private readonly Dictionary<long, OrderState> _orders = [];

    // The resting orders, in id order (the order the matching engine fills them), and by account and client order id
    // (the duplicate check): both grow with the open book, not with every order ever accepted.
    private readonly SortedDictionary<long, OrderState> _open = [];
    private readonly Dictionary<(string Account, string ClientOrderId), OrderState> _openByClientId = [];
    private long _nextOrderId = 1;

    /// <summary>B.6.3 <c>order.place</c>: filters, balance, then the matching engine.</summary>
    private JsonObject PlaceOrder(ApiCallContext context)
    {
        var request = context.Request;
        if (request.Params.Keys.FirstOrDefault(k => !OrderPlaceParams.Contains(k)) is { } unknown)
        {
            throw ApiException.Bad(ApiErrors.UnknownParam, $"An unknown parameter was sent: '{unknown}'.");
        }

        var account = context.Account!;
        context.OrderCounts = _limits.AddOrder(account.Name, context.Now);
        if (_limits.OrdersExceededUntil(account.Name, context.Now) is { } until)
        {
            var perTen = context.OrderCounts.Value.TenSeconds > _api.OrdersPer10Seconds;
            throw new ApiException(
                429,
                ApiErrors.TooManyOrders,
                perTen
                    ? $"Too many new orders; current limit is {_api.OrdersPer10Seconds} orders per 10 SECOND."
                    : $"Too many new orders; current limit is {_api.OrdersPerDay} orders per DAY.",
                new JsonObject { ["serverTime"] = context.Now, ["retryAfter"] = until });
        }

        var order = ValidateOrder(context, account);
        var respType = request.String("newOrderRespType") ?? (order.Type is "LIMIT" or "MARKET" ? "FULL" : "ACK");
        if (respType is not ("ACK" or "RESULT" or "FULL"))
        {
            throw ApiException.Bad(ApiErrors.IllegalChars, "Illegal characters found in parameter 'newOrderRespType'; legal range is 'ACK, RESULT, FULL'.");
        }

        var fills = Execute(context, order);
        var result = new JsonObject
        {
            ["symbol"] = order.Symbol.Symbol,
            ["orderId"] = order.OrderId,
            ["orderListId"] = -1,
            ["clientOrderId"] = order.ClientOrderId,
            ["transactTime"] = context.Now,
        };
        if (respType == "ACK")
        {
            return result;
        }

        result["price"] = ApiJson.Amount(order.Price);
        result["origQty"] = ApiJson.Amount(order.OrigQty);
        result["executedQty"] = ApiJson.Amount(order.ExecutedQty);
        result["origQuoteOrderQty"] = ApiJson.Amount(order.QuoteOrderQty);
        result["cummulativeQuoteQty"] = ApiJson.Amount(order.CumulativeQuote);
        result["status"] = order.Status;
        result["timeInForce"] = order.TimeInForce;
        result["type"] = order.Type;
        result["side"] = order.Side;
        result["workingTime"] = context.Now;
        result["selfTradePreventionMode"] = "NONE";
        if (respType == "FULL")
        {
            result["fills"] = new JsonArray([.. fills.Select(f => (JsonNode)new JsonObject
            {
                ["price"] = ApiJson.Amount(f.Price),
                ["qty"] = ApiJson.Amount(f.Qty),
                ["commission"] = ApiJson.Amount(0m),
                ["commissionAsset"] = order.IsBuy ? order.Symbol.BaseAsset : order.Symbol.QuoteAsset,
                ["tradeId"] = f.TradeId,
            })]);
        }

        return result;
    }

    private OrderState ValidateOrder(ApiCallContext context, AccountState account)
    {
        var request = context.Request;
        var symbol = FindSymbol(request);
        var side = request.RequireString("side");
        if (side is not ("BUY" or "SELL"))
        {
            throw ApiException.Bad(ApiErrors.InvalidSide, "Invalid side.");
        }

        var type = request.RequireString("type");
        if (type is not ("LIMIT" or "LIMIT_MAKER" or "MARKET"))
        {
            throw ApiException.Bad(ApiErrors.InvalidOrderType, "Invalid orderType.");
        }

        var timeInForce = request.String("timeInForce");
        var price = request.Decimal("price");
        var quantity = request.Decimal("quantity");
        var quoteOrderQty = request.Decimal("quoteOrderQty");
        if (type == "LIMIT")
        {
            if (timeInForce is null)
            {
                throw ApiException.Missing("timeInForce");
            }
        }
        else if (timeInForce is not null)
        {
            throw ApiException.NotRequired("timeInForce");
        }

        if (timeInForce is not null and not ("GTC" or "IOC" or "FOK"))
        {
            throw ApiException.Bad(ApiErrors.InvalidTimeInForce, "Invalid timeInForce.");
        }

        var hasTop = _market.TryGetTop(symbol.Symbol, out var bid, out var ask);
        decimal limitPrice;
        if (type == "MARKET")
        {
            if (price is not null)
            {
                throw ApiException.NotRequired("price");
            }

            if (!hasTop)
            {
                throw ApiException.Bad(ApiErrors.NewOrderRejected, "Market is closed.");
            }

            limitPrice = side == "BUY" ? ask : bid;
            if (quantity is null)
            {
                var quote = quoteOrderQty ?? throw ApiException.Missing("quantity");
                quantity = Math.Floor(quote / limitPrice / symbol.StepSize) * symbol.StepSize;
            }
        }
        else
        {
            limitPrice = price ?? throw ApiException.Missing("price");
            if (quantity is null)
            {
                throw ApiException.Missing("quantity");
            }

            if (limitPrice <= 0 || limitPrice % symbol.TickSize != 0)
            {
                throw ApiException.Bad(ApiErrors.InvalidMessage, "Filter failure: PRICE_FILTER");
            }
        }

        var qty = quantity.Value;
        if (qty < symbol.MinQty || (qty - symbol.MinQty) % symbol.StepSize != 0)
        {
            throw ApiException.Bad(ApiErrors.InvalidMessage, "Filter failure: LOT_SIZE");
        }

        if (limitPrice * qty < symbol.MinNotional)
        {
            throw ApiException.Bad(ApiErrors.InvalidMessage, "Filter failure: NOTIONAL");
        }

        var clientOrderId = request.String("newClientOrderId");
        if (clientOrderId is not null && _openByClientId.ContainsKey((account.Name, clientOrderId)))
        {
            throw ApiException.Bad(ApiErrors.NewOrderRejected, "Duplicate order sent.");
        }

        var crosses = type == "MARKET" || (hasTop && (side == "BUY" ? limitPrice >= ask : limitPrice <= bid));
        if (type == "LIMIT_MAKER" && crosses)
        {
            throw ApiException.Bad(ApiErrors.NewOrderRejected, "Order would immediately match and take.");
        }

        // Buys are checked against the limit price (what a resting order locks); sells against the base quantity.
        var needed = side == "BUY" ? limitPrice * qty : qty;
        var asset = side == "BUY" ? symbol.QuoteAsset : symbol.BaseAsset;
        if (account.Free(asset) < needed)
        {
            throw ApiException.Bad(ApiErrors.NewOrderRejected, "Account has insufficient balance for requested action.");
        }

        var orderId = _nextOrderId++;
        return new OrderState
        {
            Symbol = symbol,
            Account = account.Name,
            OrderId = orderId,
            ClientOrderId = clientOrderId ?? "sim" + orderId.ToString("D19", CultureInfo.InvariantCulture),
            Side = side,
            Type = type,
            TimeInForce = timeInForce ?? "GTC",
            Price = type == "MARKET" ? 0m : limitPrice,
            OrigQty = qty,
            QuoteOrderQty = request.Has("quantity") ? 0m : quoteOrderQty ?? 0m,
            Time = context.Now,
            UpdateTime = context.Now,
        };
    }

    /// <summary>B.6.3 <c>order.cancel</c>: by <c>orderId</c> or <c>origClientOrderId</c>; only open orders (-2011).</summary>
    private JsonObject CancelOrder(ApiCallContext context)
    {
        var order = FindOrder(context) is { IsOpen: true } open
            ? open
            : throw ApiException.Bad(ApiErrors.CancelRejected, "Unknown order sent.");
        var cancelId = context.Request.String("newClientOrderId") ?? "simcancel" + order.OrderId.ToString(CultureInfo.InvariantCulture);
        Cancel(context, order, cancelId);
        return CancelResult(order, cancelId, context.Now);
    }

    private JsonArray CancelAll(ApiCallContext context)
    {
        var symbol = FindSymbol(context.Request);
        var open = _open.Values.Where(o => o.Account == context.Account!.Name && o.Symbol == symbol).ToList();
        if (open.Count == 0)
        {
            throw ApiException.Bad(ApiErrors.CancelRejected, "Unknown order sent.");
        }

        var results = new JsonArray();
        foreach (var order in open)
        {
            var cancelId = "simcancel" + order.OrderId.ToString(CultureInfo.InvariantCulture);
            Cancel(context, order, cancelId);
            results.Add(CancelResult(order, cancelId, context.Now));
        }

        return results;
    }

    private JsonObject OrderStatus(ApiCallContext context) =>
        StatusObject(FindOrder(context) ?? throw ApiException.Bad(ApiErrors.NoSuchOrder, "Order does not exist."));

    private JsonArray OpenOrdersStatus(ApiCallContext context)
    {
        var symbol = context.Request.Has("symbol") ? FindSymbol(context.Request) : null;
        return new JsonArray([.. _open.Values
            .Where(o => o.Account == context.Account!.Name && (symbol is null || o.Symbol == symbol))
            .Select(o => (JsonNode)StatusObject(o))]);
    }

    private static JsonObject AccountStatus(ApiCallContext context)
    {
        var account = context.Account!;
        var omitZero = context.Request.Bool("omitZeroBalances") ?? false;
        return new JsonObject
        {
            ["makerCommission"] = 0,
            ["takerCommission"] = 0,
            ["buyerCommission"] = 0,
            ["sellerCommission"] = 0,
            ["commissionRates"] = new JsonObject
            {
                ["maker"] = ApiJson.Amount(0m),
                ["taker"] = ApiJson.Amount(0m),
                ["buyer"] = ApiJson.Amount(0m),
                ["seller"] = ApiJson.Amount(0m),
            },
            ["canTrade"] = context.Key!.CanTrade,
            ["canWithdraw"] = false,
            ["canDeposit"] = true,
            ["brokered"] = false,
            ["requireSelfTradePrevention"] = false,
            ["preventSor"] = false,
            ["updateTime"] = account.UpdateTime,
            ["accountType"] = "SPOT",
            ["balances"] = new JsonArray([.. account.Balances
                .Where(b => !omitZero || b.Value.Free != 0 || b.Value.Locked != 0)
                .Select(b => (JsonNode)new JsonObject
                {
                    ["asset"] = b.Key,
                    ["free"] = ApiJson.Amount(b.Value.Free),
                    ["locked"] = ApiJson.Amount(b.Value.Locked),
                })]),
            ["permissions"] = new JsonArray("SPOT"),
            ["uid"] = account.Uid,
        };
    }

    private OrderState? FindOrder(ApiCallContext context)
    {
        var symbol = FindSymbol(context.Request);
        var orderId = context.Request.Long("orderId");
        var clientId = context.Request.String("origClientOrderId");
        if (orderId is null && clientId is null)
        {
            throw ApiException.Bad(ApiErrors.MandatoryParam, "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
        }

        var account = context.Account!.Name;
        if (orderId is not null)
        {
            return _orders.TryGetValue(orderId.Value, out var byId) && byId.Account == account && byId.Symbol == symbol
                && (clientId is null || byId.ClientOrderId == clientId) ? byId : null;
        }

        // The newest order with that client id (an id may be reused once the earlier order is closed).
        return _orders.Values.Where(o => o.Account == account && o.Symbol == symbol && o.ClientOrderId == clientId)
            .MaxBy(o => o.OrderId);
    }

    private static JsonObject CancelResult(OrderState order, string cancelId, long now) => new()
    {
        ["symbol"] = order.Symbol.Symbol,
        ["origClientOrderId"] = order.ClientOrderId,
        ["orderId"] = order.OrderId,
        ["orderListId"] = -1,
        ["clientOrderId"] = cancelId,
        ["transactTime"] = now,
        ["price"] = ApiJson.Amount(order.Price),
        ["origQty"] = ApiJson.Amount(order.OrigQty),
        ["executedQty"] = ApiJson.Amount(order.ExecutedQty),
        ["origQuoteOrderQty"] = ApiJson.Amount(order.QuoteOrderQty),
        ["cummulativeQuoteQty"] = ApiJson.Amount(order.CumulativeQuote),
        ["status"] = order.Status,
        ["timeInForce"] = order.TimeInForce,
        ["type"] = order.Type,
        ["side"] = order.Side,
        ["selfTradePreventionMode"] = "NONE",
    };

    private static JsonObject StatusObject(OrderState order) => new()
    {
        ["symbol"] = order.Symbol.Symbol,
        ["orderId"] = order.OrderId,
        ["orderListId"] = -1,
        ["clientOrderId"] = order.ClientOrderId,
        ["price"] = ApiJson.Amount(order.Price),
        ["origQty"] = ApiJson.Amount(order.OrigQty),
        ["executedQty"] = ApiJson.Amount(order.ExecutedQty),
        ["cummulativeQuoteQty"] = ApiJson.Amount(order.CumulativeQuote),
        ["status"] = order.Status,
        ["timeInForce"] = order.TimeInForce,
        ["type"] = order.Type,
        ["side"] = order.Side,
        ["stopPrice"] = ApiJson.Amount(0m),
        ["icebergQty"] = ApiJson.Amount(0m),
        ["time"] = order.Time,
        ["updateTime"] = order.UpdateTime,
        ["isWorking"] = true,
        ["workingTime"] = order.Time,
        ["origQuoteOrderQty"] = ApiJson.Amount(order.QuoteOrderQty),
        ["selfTradePreventionMode"] = "NONE",
    };
}
