using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>How a method is dispatched: its handler, whether it needs a WebSocket, and the scope a private one needs.</summary>
internal sealed record MethodSpec(Func<CallContext, JsonNode?> Handler, bool WebSocketOnly = false, string? ScopeArea = null, int ScopeLevel = 0);
