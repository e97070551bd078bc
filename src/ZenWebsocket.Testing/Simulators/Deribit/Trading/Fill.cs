namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>One execution between a resting maker and an incoming taker, at the maker's price.</summary>
internal sealed record Fill(SimOrder Maker, SimOrder Taker, decimal Price, decimal Amount);
