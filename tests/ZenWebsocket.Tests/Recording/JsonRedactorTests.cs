namespace ZenWebsocket.Tests.Recording;

public sealed class JsonRedactorTests
{
    [Theory]
    [InlineData("""{"client_secret":"s3cr3t"}""", """{"client_secret":"[redacted]"}""")]
    [InlineData("""{"params": {"access_token" : "abc", "x": "keep"}}""", """{"params": {"access_token" : "[redacted]", "x": "keep"}}""")]
    [InlineData("""{"ACCESS_TOKEN":"a","Refresh-Token":"b","apiKey":"c","X-MBX-APIKEY":"d","listenKey":"e"}""", """{"ACCESS_TOKEN":"[redacted]","Refresh-Token":"[redacted]","apiKey":"[redacted]","X-MBX-APIKEY":"[redacted]","listenKey":"[redacted]"}""")]
    [InlineData("""{"signature":"a\"b\\c","password":"p","sessionToken":"t"}""", """{"signature":"[redacted]","password":"[redacted]","sessionToken":"[redacted]"}""")]
    [InlineData("""{"token_type":"bearer","expires_in":900,"note":"the token is here"}""", """{"token_type":"bearer","expires_in":900,"note":"the token is here"}""")]
    [InlineData("""{"secret":"cut short""", """{"secret":"[redacted]""")]
    [InlineData("""{"method":"auth","params":{"secret":"x"},"tail":[1,2""", """{"method":"auth","params":{"secret":"[redacted]"},"tail":[1,2""")]
    [InlineData("plain text", "plain text")]
    public void Redacts_credential_values_and_keeps_everything_else(string input, string expected) =>
        Assert.Equal(expected, JsonRedactor.Default.Redact(input));

    [Fact]
    public void Extra_keys_extend_the_defaults()
    {
        var redactor = new JsonRedactor("otp", "pin_code");

        Assert.Equal("""{"otp":"[redacted]","PinCode":"[redacted]","secret":"[redacted]","id":"1"}""", redactor.Redact("""{"otp":"123","PinCode":"9","secret":"s","id":"1"}"""));
        Assert.Contains("otp", redactor.Keys);
        Assert.Contains("client_secret", redactor.Keys);
    }

    [Fact]
    public void Unchanged_text_is_returned_as_is()
    {
        var text = """{"a":"b"}""";
        Assert.Same(text, JsonRedactor.Default.Redact(text));
    }
}
