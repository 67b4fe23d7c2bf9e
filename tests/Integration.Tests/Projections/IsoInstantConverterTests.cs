using CsCheck;
using Newtonsoft.Json;
using NodaTime.Serialization.JsonNet;
using Spiisee.EventSourced.Projections.Storage;

namespace Spiisee.EventSourced.Integration.Tests.Projections;

/// <summary>
/// The project's instant converter against NodaTime's own, the independent source: every instant written the same,
/// every text read the same or refused the same way.
/// </summary>
public class IsoInstantConverterTests
{
    private static readonly JsonSerializer Noda = JsonSerializer.Create(NodaSettings());
    private static readonly JsonSerializer Ours = JsonSerializer.Create(JsonSettings.Create());

    private static JsonSerializerSettings NodaSettings()
    {
        var settings = new JsonSerializerSettings
        {
            DateParseHandling = DateParseHandling.None,
            ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver(),
        };
        settings.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return settings;
    }

    private sealed record Holder(Instant At, Instant? Maybe);

    private static readonly Gen<Instant> WholeSeconds =
        Gen.Long[Instant.FromUtc(1, 1, 1, 0, 0).ToUnixTimeSeconds(), Instant.FromUtc(9999, 12, 31, 23, 59, 59).ToUnixTimeSeconds()]
            .Select(Instant.FromUnixTimeSeconds);

    private static readonly Gen<Instant> Any = Gen.OneOf(
        WholeSeconds,
        WholeSeconds.Select(Gen.Long[1, NodaConstants.NanosecondsPerSecond - 1], (i, n) => i.PlusNanoseconds(n)),
        Gen.Long[Instant.MinValue.ToUnixTimeSeconds(), Instant.MaxValue.ToUnixTimeSeconds()].Select(Instant.FromUnixTimeSeconds), // years beyond 1..9999 too
        Gen.OneOf(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59),
            Instant.FromUtc(1, 1, 1, 0, 0).Minus(Duration.FromSeconds(1)), Instant.FromUtc(2024, 2, 29, 23, 59, 59)));

    private static string Write(JsonSerializer serializer, object value)
    {
        using var text = new StringWriter();
        serializer.Serialize(text, value);
        return text.ToString();
    }

    private static string Read(JsonSerializer serializer, string json)
    {
        try
        {
            return serializer.Deserialize<Holder>(new JsonTextReader(new StringReader(json)))!.ToString();
        }
        catch (Exception e)
        {
            return e.GetType().Name + ": " + e.Message + " / " + e.InnerException?.GetType().Name + ": " + e.InnerException?.Message;
        }
    }

    [Fact]
    public void Given_any_instant_when_written_then_the_text_is_nodas_and_reads_back_to_the_same_instant()
    {
        Gen.Select(Any, Any.Nullable()).Sample((at, maybe) =>
        {
            var holder = new Holder(at, maybe);
            var ours = Write(Ours, holder);
            ours.ShouldBe(Write(Noda, holder));
            Ours.Deserialize<Holder>(new JsonTextReader(new StringReader(ours))).ShouldBe(holder);
        }, iter: 20_000);
    }

    /// <summary>Texts near the common shape: each field out of range, signs, spaces, other digits, offsets, fractions.</summary>
    private static readonly Gen<string> NearlyIso = Gen.Select(WholeSeconds, Gen.Int[0, 19], Gen.OneOf(
            "0", "9", "-", "+", " ", "Z", "T", ":", "٣", "\0", "\u200b", "x"), Gen.Int[0, 5])
        .Select((instant, position, replacement, how) =>
        {
            var text = instant.ToString("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            return how switch
            {
                0 => text[..position] + replacement + text[(position + 1)..],
                1 => text[..position] + replacement + text[position..],
                2 => text[..position] + text[(position + 1)..],
                3 => text.Replace("Z", ".5Z", StringComparison.Ordinal),
                4 => text.Replace("Z", "+01:00", StringComparison.Ordinal),
                _ => text,
            };
        });

    private static readonly Gen<string> OutOfRange = Gen.Select(Gen.Int[0, 9999], Gen.Int[0, 13], Gen.Int[0, 32], Gen.Int[0, 24], Gen.Int[0, 60], Gen.Int[0, 60])
        .Select((y, mo, d, h, mi, s) => $"{y:0000}-{mo:00}-{d:00}T{h:00}:{mi:00}:{s:00}Z");

    [Fact]
    public void Given_any_text_when_read_then_the_instant_or_the_error_is_nodas()
    {
        Gen.Select(Gen.OneOf(NearlyIso, OutOfRange), Gen.OneOf(NearlyIso, OutOfRange, Gen.Const("null"))).Sample((at, maybe) =>
        {
            var json = $$"""{"At":"{{at}}","Maybe":{{(maybe == "null" ? "null" : "\"" + maybe + "\"")}}}""";
            Read(Ours, json).ShouldBe(Read(Noda, json), json);
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("""{"At":null,"Maybe":null}""")]
    [InlineData("""{"At":"","Maybe":""}""")]
    [InlineData("""{"At":5,"Maybe":"2026-01-01T00:00:00Z"}""")]
    [InlineData("""{"At":"2026-02-29T00:00:00Z","Maybe":null}""")]
    [InlineData("""{"At":"0000-01-01T00:00:00Z","Maybe":null}""")]
    [InlineData("""{"At":"2026-01-01T24:00:00Z","Maybe":null}""")]
    public void Given_an_odd_value_when_read_then_the_outcome_is_nodas(string json) => Read(Ours, json).ShouldBe(Read(Noda, json));
}
