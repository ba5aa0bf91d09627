using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.IntegrationTests.Data;

/// <summary>
/// Entries hash to the values pinned here, computed by the independent offline verifier (scripts/verify-decision-log.py):
/// however the hashed fields are declared, no existing entry's hash may change.
/// </summary>
public sealed class ChainHashPinnedTests
{
    [Fact]
    public void Compute_EntryWithEveryField_HashesToThePinnedValue()
    {
        var entry = Entry();
        entry.EntryType = DecisionLogEntryTypes.Override;
        entry.RelatesToId = Guid.Parse("0190a0b0-0000-7000-8000-000000000007");
        entry.CorrectionReason = "Trials were 4, not 3 — 药房记录.";
        entry.HookOriginJson = """{"issuer":"https://ehr.example"}""";
        entry.SubmissionId = Guid.Parse("6f1c2a3b-0d4e-4f50-8a6b-7c8d9e0f1a2b");

        Assert.Equal("9703023f9524690d329997bb6c5aaee3f9498c06889b72173117bb88a18547f3", ChainHash.Compute(entry));
    }

    [Fact]
    public void Compute_ScreeningWithoutOriginOrSubmissionId_HashesToThePinnedValue()
    {
        Assert.Equal("486051fc8412f445eb55cca8c4278d1d038ffb9c3e20dc5d43360b0f492489d1", ChainHash.Compute(Entry()));
    }

    [Fact]
    public void Hashed_OptionalFieldsAbsent_AreLeftOutAndPreviousHashStaysLast()
    {
        var names = ChainHash.Hashed(Entry()).Select(f => f.Name).ToList();

        Assert.DoesNotContain("hookOrigin", names);
        Assert.DoesNotContain("submissionId", names);
        Assert.Equal("previousHash", names[^1]);
        Assert.Equal(ChainHash.DecisionFields.Count - 2, names.Count);
    }

    private static DecisionLogEntry Entry() => new()
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
        Overall = "eligible-with-caution",
        RuleSetVersion = "1.2.0",
        RuleSetDigest = "sha256:x",
        InputJson = """{"a":1}""",
        HistoryJson = """{"b":2}""",
        AssessmentJson = """{"c":3}""",
        PreviousHash = string.Concat(Enumerable.Repeat("ab", 32)),
    };
}
