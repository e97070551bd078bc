namespace ZenWebsocket.Tests.Adapters;

// The worked example of docs/building-adapters.md: the options of a small JSON-RPC venue.
public sealed class ExampleVenueOptions : ExchangeAdapterOptions
{
    public ExampleVenueOptions()
    {
        Endpoint = new Uri("wss://example-venue.invalid/ws");
    }

    public string ApiKey { get; set; } = "";

    public string ApiSecret { get; set; } = "";

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrEmpty(ApiKey) || string.IsNullOrEmpty(ApiSecret))
        {
            throw new ArgumentException("ExampleVenueOptions.ApiKey and ApiSecret are required.", nameof(ApiKey));
        }
    }

    // Never print the secret.
    public override string ToString() => $"ExampleVenueOptions {{ Endpoint = {Endpoint}, ApiKey = {ApiKey}, ApiSecret = *** }}";
}
