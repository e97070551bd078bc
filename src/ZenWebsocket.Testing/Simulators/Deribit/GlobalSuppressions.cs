using System.Diagnostics.CodeAnalysis;

// Method handlers share one delegate type (Func<CallContext, JsonNode?>), so their declared return type is JsonNode on
// purpose; the concrete-type suggestion buys nothing for a simulator answering a few requests per test.
[assembly: SuppressMessage("Performance", "CA1859", Scope = "namespaceanddescendants", Target = "~N:ZenWebsocket.Testing.Simulators.Deribit", Justification = "Handlers share one delegate type.")]
