using System.Buffers;
using System.Globalization;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Audit;

namespace KetamineCds.Web.Tests.Audit;

/// <summary>The JSON Lines export holds every field the chain hashes, exactly as hashed: the offline verifier needs them all.</summary>
public sealed class AuditJsonLinesExportTests
{
    [Fact]
    public void Write_EntryWithEveryField_HoldsEveryFieldTheHashCoversExactlyAsHashed()
    {
        var entry = Entry();
        entry.HookOriginJson = """{"issuer":"https://ehr.example"}""";
        entry.SubmissionId = Guid.Parse("6f1c2a3b-0d4e-4f50-8a6b-7c8d9e0f1a2b");
        entry.RelatesToId = Guid.Parse("0190a0b0-0000-7000-8000-000000000007");
        entry.CorrectionReason = "Trials were 4, not 3.";

        var exported = Export(entry);

        var hashed = ChainHash.Hashed(entry).ToList();
        Assert.Equal(ChainHash.DecisionFields.Count, hashed.Count);
        foreach (var (name, text) in hashed)
        {
            Assert.True(exported.TryGetProperty(name, out var value), $"The export omits '{name}', which the hash covers.");
            var asExported = value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : value.GetString();
            Assert.Equal(text, asExported);
        }

        Assert.Equal(entry.Hash, exported.GetProperty("hash").GetString());
        Assert.Equal(42, exported.GetProperty("sequence").GetInt64());
    }

    [Fact]
    public void Write_EntryWithoutTheOptionalFields_WritesThemAsNullAndEveryHashedFieldAsHashed()
    {
        var entry = Entry();

        var exported = Export(entry);

        foreach (var (name, text) in ChainHash.Hashed(entry))
        {
            Assert.True(exported.TryGetProperty(name, out var value), $"The export omits '{name}', which the hash covers.");
            Assert.Equal(text, value.ValueKind == JsonValueKind.Number ? value.GetInt64().ToString(CultureInfo.InvariantCulture) : value.GetString());
        }

        Assert.Equal(JsonValueKind.Null, exported.GetProperty("hookOrigin").ValueKind);
        Assert.Equal(JsonValueKind.Null, exported.GetProperty("submissionId").ValueKind);
        Assert.Equal([.. ChainHash.DecisionFields.Select(f => f.Name), "hash"], exported.EnumerateObject().Select(p => p.Name));
    }

    private static JsonElement Export(DecisionLogEntry entry)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            AuditJsonLinesExport.Write(json, entry);
        }

        return JsonDocument.Parse(buffer.WrittenMemory).RootElement;
    }

    private static DecisionLogEntry Entry()
    {
        var entry = new DecisionLogEntry
        {
            Sequence = 42,
            Id = Guid.Parse("0190a0b0-0000-7000-8000-00000000002a"),
            EntryType = DecisionLogEntryTypes.Screening,
            RecordedAt = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc).AddTicks(1234560),
            ActorUserId = "u1",
            ActorEmail = "psychiatrist@demo.local",
            ActorRole = "Psychiatrist",
            CorrelationId = "c1",
            PatientReference = "MRN-1",
            Overall = "eligible",
            RuleSetVersion = "1.2.0",
            RuleSetDigest = "sha256:x",
            InputJson = """{"a":1}""",
            HistoryJson = """{"b":2}""",
            AssessmentJson = """{"c":3}""",
            PreviousHash = ChainHash.Genesis,
        };
        entry.Hash = ChainHash.Compute(entry);
        return entry;
    }
}
