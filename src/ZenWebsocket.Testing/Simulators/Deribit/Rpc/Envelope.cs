using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ZenWebsocket.Testing.Simulators.Deribit;

/// <summary>Writes the exact wire forms of A.2: responses with Deribit's extra members, notifications without them.</summary>
internal static class Envelope
{
    public static string Result(string? idJson, JsonNode? result, long usIn, long usOut, bool testnet) =>
        Write(w =>
        {
            WriteHead(w, idJson);
            w.WritePropertyName("result");
            WriteNode(w, result);
            WriteTail(w, usIn, usOut, testnet);
        });

    public static string Error(string? idJson, RpcException error, long usIn, long usOut, bool testnet) =>
        Write(w =>
        {
            WriteHead(w, idJson);
            w.WriteStartObject("error");
            w.WriteNumber("code", error.Code);
            w.WriteString("message", error.Message);
            if (error.Details is not null)
            {
                w.WritePropertyName("data");
                error.Details.WriteTo(w);
            }

            w.WriteEndObject();
            WriteTail(w, usIn, usOut, testnet);
        });

    public static string Notification(string method, JsonNode parameters) =>
        Write(w =>
        {
            w.WriteString("jsonrpc", "2.0");
            w.WriteString("method", method);
            w.WritePropertyName("params");
            parameters.WriteTo(w);
        });

    public static string Subscription(string channel, JsonNode data, string? label = null)
    {
        var parameters = new JsonObject { ["channel"] = channel, ["data"] = data.DeepClone() };
        if (label is not null)
        {
            parameters["label"] = label;
        }

        return Notification("subscription", parameters);
    }

    private static void WriteHead(Utf8JsonWriter w, string? idJson)
    {
        w.WriteString("jsonrpc", "2.0");
        w.WritePropertyName("id");
        if (idJson is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(idJson, skipInputValidation: true);
        }
    }

    private static void WriteTail(Utf8JsonWriter w, long usIn, long usOut, bool testnet)
    {
        w.WriteNumber("usIn", usIn);
        w.WriteNumber("usOut", usOut);
        w.WriteNumber("usDiff", usOut - usIn);
        w.WriteBoolean("testnet", testnet);
    }

    private static void WriteNode(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is null)
        {
            w.WriteNullValue();
        }
        else
        {
            node.WriteTo(w);
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
