using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FleetOps.Web.Tests.Infrastructure;
using static FleetOps.Web.Tests.Infrastructure.Telemetry;

namespace FleetOps.Web.Tests.Telemetry;

/// <summary>An app whose telemetry rate limit does not get in the way of a few thousand requests.</summary>
public sealed class UnlimitedTelemetryApp() : FleetOpsApp(new FleetOpsAppOptions
{
    Settings = new Dictionary<string, string?>
    {
        ["FleetOps:RateLimits:TelemetryRequestsPerSecond"] = "100000",
        ["FleetOps:RateLimits:TelemetryBurst"] = "100000",
    },
});

/// <summary>
/// Issue 8: the whole class of malformed JSON/UTF-8 is a 4xx. A seeded generator mutates valid bodies (truncation,
/// byte flips, invalid UTF-8, surrogate escapes, NUL, wrong types, deep nesting, huge numbers, card numbers, duplicated
/// keys) and sends them over HTTP, bounded to 3,000 bodies or 60 s. No answer is a 5xx, and nothing is half-stored:
/// the rows of the terminal are exactly the events the answers reported accepted.
/// </summary>
public sealed class TelemetryFuzzTests(UnlimitedTelemetryApp app) : IClassFixture<UnlimitedTelemetryApp>
{
    private const int MaxBodies = 3_000;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Generated_hostile_bodies_never_get_a_5xx_and_stored_rows_equal_accepted_events()
    {
        var (terminal, key) = await app.NewTerminalAsync();
        var random = new Random(8);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        var accepted = 0;
        var statuses = new Dictionary<int, int>();
        while (sent < MaxBodies && clock.Elapsed < MaxDuration)
        {
            var body = Mutate(random, ValidBody(random, terminal, sent), terminal);
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await app.PostTelemetryAsync(key, content);
            sent++;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500) Assert.Fail($"Body {sent} got {status}: {Encoding.UTF8.GetString(body[..Math.Min(body.Length, 300)])}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted += (await Expect.JsonObjectAsync(response))["accepted"]!.GetValue<int>();
            }
        }

        Assert.True(sent >= 300, $"Only {sent} bodies were sent in {MaxDuration.TotalSeconds} s.");
        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0, string.Join(", ", statuses));
        Assert.Equal(accepted, await app.StoredEventsAsync(terminal));
    }

    /// <summary>1–4 valid events with ids unique to this body (letters between the numbers, so no id looks like a card).</summary>
    private static JsonObject ValidBody(Random random, string terminal, int body)
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-random.Next(1, 120));
        var events = new JsonArray();
        for (var i = 0; i < random.Next(1, 5); i++)
        {
            var id = $"f{body}e{i}";
            events.Add(random.Next(3) switch
            {
                0 => Heartbeat(id, now),
                1 => Power(id, now, random.Next(2) == 0 ? "lost" : "restored"),
                _ => Transaction(id, now, transactionId: $"t{body}x{i}"),
            });
        }
        return new JsonObject { ["terminalId"] = terminal, ["events"] = events };
    }

    private static readonly string[] Fields = ["id", "type", "at", "bootId", "uptimeSeconds", "amountMinor", "currency", "state", "transactionId", "note"];

    private static readonly JsonNode?[] OddValues =
    [
        null, true, 0, -1, 3.5, "", " ", new JsonArray(), new JsonObject(), "x".PadRight(70, 'x'),
        JsonNode.Parse("1e400"), JsonNode.Parse("99999999999999999999999"), JsonNode.Parse("-9223372036854775808"),
    ];

    private static byte[] Mutate(Random random, JsonObject valid, string terminal)
    {
        var events = valid["events"]!.AsArray();
        var target = events[random.Next(events.Count)]!.AsObject();
        switch (random.Next(14))
        {
            case 0:
                break; // a valid body now and then, so that acceptance is exercised too
            case 1:
                target[Fields[random.Next(Fields.Length)]] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
                break;
            case 2:
                target[Fields[random.Next(Fields.Length)]] = DisguisedCard(random);
                break;
            case 3:
                JsonNode nested = new JsonArray();
                for (var depth = random.Next(5, 25); depth > 0; depth--) nested = new JsonArray(nested);
                target["deep"] = nested;
                break;
            case 4:
                valid["terminalId"] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
                break;
            case 5:
                valid["events"] = OddValues[random.Next(OddValues.Length)]?.DeepClone();
                break;
            default:
                return MutateText(random, valid.ToJsonString(), terminal);
        }
        return Encoding.UTF8.GetBytes(valid.ToJsonString());
    }

    /// <summary>Mutations no JSON writer would make: they work on the text and bytes of the body.</summary>
    private static byte[] MutateText(Random random, string json, string terminal)
    {
        var firstEvent = json.IndexOf("{\"id\"", StringComparison.Ordinal);
        string Insert(string member) => json.Insert(firstEvent + 1, member + ",");
        switch (random.Next(8))
        {
            case 0: return Encoding.UTF8.GetBytes(Insert("\"note\":\"a\\ud800b\""));
            case 1: return Encoding.UTF8.GetBytes(Insert("\"\\udc00\":1"));
            case 2: return Encoding.UTF8.GetBytes(Insert("\"bootId\":\"b\\u0000\""));
            case 3: return Encoding.UTF8.GetBytes(Insert("\"id\":\"dup\",\"at\":\"" + DisguisedCard(random) + "\""));
            case 4: return Encoding.UTF8.GetBytes(json.Replace(terminal, terminal + "\\u0000", StringComparison.Ordinal));
        }
        var bytes = Encoding.UTF8.GetBytes(json);
        switch (random.Next(3))
        {
            case 0:
                return bytes[..random.Next(bytes.Length)];
            case 1:
                for (var flips = random.Next(1, 4); flips > 0; flips--) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            default:
                byte[][] invalid = [[0xC3, 0x28], [0xFF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]];
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], .. invalid[random.Next(invalid.Length)], .. bytes[at..]];
        }
    }

    private static string DisguisedCard(Random random)
    {
        var pan = CardNumber();
        return random.Next(4) switch
        {
            0 => pan,
            1 => string.Join("-", pan.Chunk(4).Select(c => new string(c))),
            2 => string.Concat(pan.Select(c => (char)('\uFF10' + (c - '0')))),
            _ => "99" + string.Join("\u00A0", pan.Chunk(4).Select(c => new string(c))) + "01",
        };
    }
}
