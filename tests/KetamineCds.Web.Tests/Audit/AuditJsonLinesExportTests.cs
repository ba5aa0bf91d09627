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

    [Fact]
    public void Write_ChineseTextWithTheExportsOptions_IsWrittenAsCharactersAndReadsBackAsTheTextHashed()
    {
        // QA119 F7: an auditor opening the file reads the Chinese, not \u66f4\u6b63; the hash is over the stored text.
        var entry = Entry();
        entry.InputJson = """{"clinicianNote":"患者由伴侣陪同就诊。<b>&'"}""";
        entry.CorrectionReason = "更正：试验次数为 4 次，不是 3 次。";
        entry.Hash = ChainHash.Compute(entry);

        var line = System.Text.Encoding.UTF8.GetString(ExportBytes(entry, AuditJsonLinesExport.WriterOptions).Span);

        Assert.Contains("更正：试验次数为 4 次，不是 3 次。", line, StringComparison.Ordinal);
        Assert.Contains("患者由伴侣陪同就诊。", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", line, StringComparison.Ordinal);
        var exported = JsonDocument.Parse(line).RootElement;
        foreach (var (name, text) in ChainHash.Hashed(entry))
        {
            Assert.Equal(text, exported.GetProperty(name).ValueKind == JsonValueKind.Number ? exported.GetProperty(name).GetInt64().ToString(CultureInfo.InvariantCulture) : exported.GetProperty(name).GetString());
        }
    }

    private static JsonElement Export(DecisionLogEntry entry) => JsonDocument.Parse(ExportBytes(entry, AuditJsonLinesExport.WriterOptions)).RootElement;

    private static ReadOnlyMemory<byte> ExportBytes(DecisionLogEntry entry, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, options))
        {
            AuditJsonLinesExport.Write(json, entry);
        }

        return buffer.WrittenMemory;
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
