using System.Text.Json.Serialization;

namespace ZenWebsocket.Testing.Simulators.Binance;

/// <summary>Source-generated JSON for the few values the stream server serialises whole.</summary>
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(string))]
internal sealed partial class StreamJsonContext : JsonSerializerContext;
