namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>One user-data subscription of a connection (B.6.4).</summary>
/// <param name="Id">The subscription id, per connection from 0.</param>
/// <param name="Account">The account whose events it carries.</param>
/// <param name="BoundToLogon">Made by <c>userDataStream.subscribe</c> on a logged-on session; <c>session.logout</c> ends it.</param>
internal sealed record UserDataSubscription(int Id, string Account, bool BoundToLogon);
