using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>The hook origin is covered by the hash chain, and entries without one hash as they always did.</summary>
public sealed class HookOriginHashTests
{
    [Fact]
    public void Compute_OriginChanged_ChangesTheHash()
    {
        var entry = Entry();
        entry.HookOriginJson = Origin("Practitioner/1").ToJson();
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = Origin("Practitioner/2").ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));
    }

    [Fact]
    public void Compute_SubmissionIdGivenOrChanged_ChangesTheHash()
    {
        // QA11 F6: the submission id is inside the hash when present (an entry without one hashes as before, below).
        var entry = Entry();
        var without = ChainHash.Compute(entry);
        entry.SubmissionId = Guid.Parse("6f1c2a3b-0d4e-4f50-8a6b-7c8d9e0f1a2b");
        var with = ChainHash.Compute(entry);
        entry.SubmissionId = Guid.Parse("6f1c2a3b-0d4e-4f50-8a6b-7c8d9e0f1a2c");
        Assert.NotEqual(without, with);
        Assert.NotEqual(with, ChainHash.Compute(entry));
    }

    [Fact]
    public void Compute_NoOrigin_HashesAsBeforeTheFieldExisted()
    {
        // The v1 serialization as it was before the origin field existed, re-implemented independently below.
        Assert.Equal(ChainHashV1(Entry()), ChainHash.Compute(Entry()));
    }

    [Fact]
    public void FromJson_ToJson_KeepsEveryPartAndTheFhirVerbatim()
    {
        var origin = Origin("Practitioner/1");
        var read = HookOrigin.FromJson(origin.ToJson());
        Assert.Equal(origin.Issuer, read.Issuer);
        Assert.Equal(origin.UserId, read.UserId);
        Assert.Equal(origin.Hook, read.Hook);
        Assert.Equal(origin.HookInstance, read.HookInstance);
        Assert.Equal(origin.ServiceId, read.ServiceId);
        Assert.Equal(origin.CardUuids, read.CardUuids);
        Assert.Equal(origin.FhirJson, read.FhirJson);
    }

    [Fact]
    public void ToJson_WithoutADisagreement_IsTheOriginsJsonAsItWasStoredBefore()
    {
        // Entries logged before the disagreement existed store exactly this JSON: it is read, and written again, alike.
        const string Stored = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        Assert.Equal(Stored, Origin("Practitioner/1").ToJson());
        var read = HookOrigin.FromJson(Stored);
        Assert.Null(read.Disagreement);
        Assert.Null(read.Shown);
        Assert.Equal(Stored, read.ToJson());
    }

    [Fact]
    public void Shown_IsStoredInTheOriginReadBackAndCoveredByTheHash_AndAnOriginWithoutItHashesAsBefore()
    {
        // P12: what each card said is kept in the origin the entry already stores and hashes, as an optional member.
        var without = Origin("Practitioner/1");
        var origin = without with { Shown = Shown("Ketamine screening incomplete: 2 items not recorded") };
        var json = origin.ToJson();
        Assert.Contains("""
            "shown":{"language":"en","cards":[{"uuid":"5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11","indicator":"info","summary":"Ketamine screening incomplete: 2 items not recorded","detail":"Not recorded:\n\n- Suicidality","source":"KetamineCds rule set 1.9.0","links":["Open the intake form"],"suggestions":[]}]}
            """.Trim(), json, StringComparison.Ordinal);
        var read = HookOrigin.FromJson(json);
        var card = Assert.Single(Assert.IsType<HookCardsShown>(read.Shown).Cards);
        Assert.Equal(("info", "Ketamine screening incomplete: 2 items not recorded", "Not recorded:\n\n- Suicidality", "KetamineCds rule set 1.9.0"), (card.Indicator, card.Summary, card.Detail, card.SourceLabel));
        Assert.Equal(["Open the intake form"], card.LinkLabels);
        Assert.Equal(json, read.ToJson());

        var entry = Entry();
        entry.HookOriginJson = json;
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = (without with { Shown = Shown("Ketamine screening: eligible") }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));

        // Without it, the origin is the JSON every earlier entry stores, so such an entry hashes as it did.
        entry.HookOriginJson = without.ToJson();
        var before = Entry();
        before.HookOriginJson = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        Assert.Equal(ChainHash.Compute(before), ChainHash.Compute(entry));
    }

    private static HookCardsShown Shown(string summary) => new(
        "en",
        [new HookCardShown(Guid.Parse("5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"), "info", summary, "Not recorded:\n\n- Suicidality", "KetamineCds rule set 1.9.0", ["Open the intake form"], [])]);

    [Fact]
    public void Disagreement_IsStoredInTheOriginReadBackAndCoveredByTheHash()
    {
        // QA13 H1's disagreement, kept for the auditor: every part round-trips, and changing any answer changes the hash.
        var origin = Origin("Practitioner/1") with { Disagreement = Disagreement("true") };
        var read = HookOrigin.FromJson(origin.ToJson());
        var d = Assert.IsType<HookDisagreement>(read.Disagreement);
        Assert.Equal(Guid.Parse("0190a0b0-0000-7000-8000-000000000003"), d.Screening);
        Assert.Equal(new DateOnly(2026, 11, 28), d.AnswersOn);
        var pregnant = d.Fields[0];
        Assert.Equal(("pregnant", "false", "true", "true"), (pregnant.Field, pregnant.ChartJson, pregnant.ScreeningJson, pregnant.UsedJson));
        Assert.Equal(["Observation/preg"], pregnant.ChartEntries);
        Assert.Equal("""["alcohol","ketamine-or-pcp"]""", d.Fields[1].UsedJson);
        Assert.Equal(origin.ToJson(), read.ToJson());

        var entry = Entry();
        entry.HookOriginJson = origin.ToJson();
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = (origin with { Disagreement = Disagreement("false") }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));
        entry.HookOriginJson = Origin("Practitioner/1").ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));
    }

    [Fact]
    public void Identity_IsStoredInTheDisagreementReadBackAndCoveredByTheHash_AndADisagreementWithoutItHashesAsBefore()
    {
        // Helper 261: the "Same patient?" card's facts (helper 258) were on the card, not in the log's disagreement. They are
        // kept there now, as an optional member, with both values; the birth date as its year only (QA14a P9).
        var identity = Origin("Practitioner/1") with { Disagreement = Disagreement("true") with { Identity = Identity("30") } };
        var json = identity.ToJson();
        Assert.Contains("""
            "used":["alcohol","ketamine-or-pcp"]}],"identity":[{"field":"sexAtBirth","chart":"female","chartEntries":["Patient/p1"],"screening":"male","used":"female"},{"field":"ageYears","chart":30,"chartEntries":["Patient/p1"],"chartBirthYear":"1996","screening":45,"used":30}]},"fhir":
            """.Trim(), json, StringComparison.Ordinal);
        var read = HookOrigin.FromJson(json);
        var facts = read.Disagreement!.Identity!;
        Assert.Equal(2, facts.Count);
        Assert.Equal(("sexAtBirth", "\"female\"", "\"male\"", "\"female\"", (string?)null), (facts[0].Field, facts[0].ChartJson, facts[0].ScreeningJson, facts[0].UsedJson, facts[0].ChartBirthYear));
        Assert.Equal(("ageYears", "30", "45", "30", (string?)"1996"), (facts[1].Field, facts[1].ChartJson, facts[1].ScreeningJson, facts[1].UsedJson, facts[1].ChartBirthYear));
        Assert.Equal(["Patient/p1"], facts[1].ChartEntries);
        Assert.Equal(json, read.ToJson());

        // Only the facts: the disagreement's fields are empty, and it reads back so.
        var only = Origin("Practitioner/1") with { Disagreement = new HookDisagreement(Guid.Parse("0190a0b0-0000-7000-8000-000000000003"), new DateOnly(2026, 11, 28), []) { Identity = Identity("null") } };
        var onlyRead = HookOrigin.FromJson(only.ToJson());
        Assert.Empty(onlyRead.Disagreement!.Fields);
        Assert.Equal(("null", "null"), (onlyRead.Disagreement.Identity![1].ChartJson, onlyRead.Disagreement.Identity[1].UsedJson));
        Assert.Equal(only.ToJson(), onlyRead.ToJson());

        // Covered by the hash: another used age, or none of the facts, is another entry.
        var entry = Entry();
        entry.HookOriginJson = json;
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = (Origin("Practitioner/1") with { Disagreement = Disagreement("true") with { Identity = Identity("31") } }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));
        entry.HookOriginJson = (Origin("Practitioner/1") with { Disagreement = Disagreement("true") }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));

        // A disagreement logged before (no identity) is read, and written again, as stored: such an entry hashes as it did.
        const string Stored = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"disagreement":{"screening":"0190a0b0-0000-7000-8000-000000000003","answersOn":"2026-11-28","fields":[{"field":"pregnant","chart":false,"chartEntries":["Observation/preg"],"screening":true,"used":true}]},"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        var old = HookOrigin.FromJson(Stored);
        Assert.Null(old.Disagreement!.Identity);
        Assert.Equal(Stored, old.ToJson());
        Assert.Equal(Stored, (old with { Disagreement = old.Disagreement with { Identity = [] } }).ToJson());
        var before = Entry();
        before.HookOriginJson = Stored;
        var rewritten = Entry();
        rewritten.HookOriginJson = old.ToJson();
        Assert.Equal(ChainHash.Compute(before), ChainHash.Compute(rewritten));
    }

    [Fact]
    public void ToJson_ADisagreementWithFieldsAndIdentity_IsPinnedToTheBytesTheLogHashes()
    {
        // Helper 268: the log hashes these bytes, and entries already stored hold them: a change of the writer (helper 268
        // merged the fields' and the identity facts' writers, duplicates D1) must not move a byte. Pinned in full, with a
        // measurement with and without its chart time, an answer compared by caution, and both identity facts (an age the
        // birth date does not fix: null chart and used); its SHA-256 too, as a stored entry's origin would be hashed.
        var origin = Origin("Practitioner/1") with
        {
            Disagreement = new HookDisagreement(
                Guid.Parse("0190a0b0-0000-7000-8000-000000000003"),
                new DateOnly(2026, 11, 28),
                [
                    new HookDisagreementField("pregnant", "false", ["Observation/preg", "Condition/c-preg"], "true", "true"),
                    new HookDisagreementField("phq9Item9", "0", ["Observation/i9"], "2", "2")
                    {
                        Measured = new HookMeasuredAt("screening-newer", "2026-11-18T09:00:00+08:00", "2026-11-28T02:00:00.000000Z"),
                    },
                    new HookDisagreementField("bloodPressureSystolic", "150", [], "130", "null")
                    {
                        Measured = new HookMeasuredAt("order-not-known", null, "2026-11-28T02:00:00.000000Z"),
                    },
                ])
            {
                Identity =
                [
                    new HookIdentityField("sexAtBirth", "\"female\"", ["Patient/p1"], "\"male\"", "\"female\""),
                    new HookIdentityField("ageYears", "null", ["Patient/p1"], "45", "null") { ChartBirthYear = "1996" },
                ],
            },
        };

        const string Pinned = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"disagreement":{"screening":"0190a0b0-0000-7000-8000-000000000003","answersOn":"2026-11-28","fields":[{"field":"pregnant","chart":false,"chartEntries":["Observation/preg","Condition/c-preg"],"screening":true,"used":true},{"field":"phq9Item9","chart":0,"chartEntries":["Observation/i9"],"screening":2,"used":2,"measured":{"order":"screening-newer","chartAt":"2026-11-18T09:00:00\u002B08:00","screeningAt":"2026-11-28T02:00:00.000000Z"}},{"field":"bloodPressureSystolic","chart":150,"chartEntries":[],"screening":130,"used":null,"measured":{"order":"order-not-known","screeningAt":"2026-11-28T02:00:00.000000Z"}}],"identity":[{"field":"sexAtBirth","chart":"female","chartEntries":["Patient/p1"],"screening":"male","used":"female"},{"field":"ageYears","chart":null,"chartEntries":["Patient/p1"],"chartBirthYear":"1996","screening":45,"used":null}]},"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        var json = origin.ToJson();
        Assert.Equal(Pinned, json);
        Assert.Equal("d9ee71d79c7afadc102e5c89730a25c1a0c8b7fca63830377ade0f8be1354485", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
        Assert.Equal(json, HookOrigin.FromJson(json).ToJson());
    }

    [Fact]
    public void ToJson_ADisagreementWithFieldsOnly_IsPinnedToTheBytesEarlierEntriesHold()
    {
        // As every entry logged before helper 261 holds it: no identity member at all (null, or empty, alike).
        var disagreement = new HookDisagreement(
            Guid.Parse("0190a0b0-0000-7000-8000-000000000003"),
            new DateOnly(2026, 11, 28),
            [new HookDisagreementField("substancesUsed", """["alcohol"]""", ["Condition/c-aud"], """["ketamine-or-pcp"]""", """["alcohol","ketamine-or-pcp"]""")]);
        const string Pinned = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"disagreement":{"screening":"0190a0b0-0000-7000-8000-000000000003","answersOn":"2026-11-28","fields":[{"field":"substancesUsed","chart":["alcohol"],"chartEntries":["Condition/c-aud"],"screening":["ketamine-or-pcp"],"used":["alcohol","ketamine-or-pcp"]}]},"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        foreach (var origin in new[] { Origin("Practitioner/1") with { Disagreement = disagreement }, Origin("Practitioner/1") with { Disagreement = disagreement with { Identity = [] } } })
        {
            var json = origin.ToJson();
            Assert.Equal(Pinned, json);
            Assert.Equal("9541d43b3073a714c53b4aa84ccc4ee0e8c523110c7a98a7213d79bfe6c01eb8", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(json))));
        }
    }

    [Fact]
    public void ChartMoreCautious_IsStoredAfterUsedReadBackAndCoveredByTheHash_AndAFieldWithoutItKeepsItsBytes()
    {
        // Helper 274 (QA272 F6): a field the chart answered more cautiously than the clinician's latest screening (a
        // correction's "not pregnant" against the chart's pregnancy) is kept with the others, marked "moreCautious":"chart"
        // after "used"; a field without it (the screening's answer the more cautious) is written as before.
        var disagreement = new HookDisagreement(
            Guid.Parse("0190a0b0-0000-7000-8000-000000000003"),
            new DateOnly(2026, 11, 28),
            [
                new HookDisagreementField("pregnant", "true", ["Observation/preg"], "false", "true") { ChartMoreCautious = true },
                new HookDisagreementField("substancesUsed", """["alcohol"]""", ["Condition/c-aud"], """["ketamine-or-pcp"]""", """["alcohol","ketamine-or-pcp"]"""),
            ]);
        const string Pinned = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"disagreement":{"screening":"0190a0b0-0000-7000-8000-000000000003","answersOn":"2026-11-28","fields":[{"field":"pregnant","chart":true,"chartEntries":["Observation/preg"],"screening":false,"used":true,"moreCautious":"chart"},{"field":"substancesUsed","chart":["alcohol"],"chartEntries":["Condition/c-aud"],"screening":["ketamine-or-pcp"],"used":["alcohol","ketamine-or-pcp"]}]},"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        var origin = Origin("Practitioner/1") with { Disagreement = disagreement };
        var json = origin.ToJson();
        Assert.Equal(Pinned, json);

        var read = HookOrigin.FromJson(json).Disagreement!;
        Assert.True(read.Fields[0].ChartMoreCautious);
        Assert.False(read.Fields[1].ChartMoreCautious);
        Assert.Equal(json, HookOrigin.FromJson(json).ToJson());

        // Covered by the hash: the same answers without the mark are another entry.
        var entry = Entry();
        entry.HookOriginJson = json;
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = (origin with { Disagreement = disagreement with { Fields = [disagreement.Fields[0] with { ChartMoreCautious = false }, disagreement.Fields[1]] } }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));
        Assert.DoesNotContain("moreCautious", entry.HookOriginJson, StringComparison.Ordinal);
    }

    private static List<HookIdentityField> Identity(string age) =>
    [
        new("sexAtBirth", "\"female\"", ["Patient/p1"], "\"male\"", "\"female\""),
        new("ageYears", age, ["Patient/p1"], "45", age) { ChartBirthYear = "1996" },
    ];

    [Fact]
    public void ReadFromChart_IsStoredInTheOriginReadBackAndCoveredByTheHash_AndAnOriginWithoutItHashesAsBefore()
    {
        // QA120 F5: which chart entry gave each value, and when it was taken, kept in the origin as an optional member.
        var without = Origin("Practitioner/1");
        var origin = without with { ReadFromChart = ReadFromChart("2026-11-30T14:05:00+08:00") };
        var json = origin.ToJson();
        Assert.Contains("""
            "readFromChart":[{"field":"phq9Item9","value":0,"from":[{"entry":"Observation/abc","at":"2026-11-30T14:05:00\u002B08:00"}]},{"field":"depressionDiagnosis","value":"recurrent","from":[{"entry":"Condition/c-mdd"}]}],"fhir":
            """.Trim(), json, StringComparison.Ordinal);
        var read = HookOrigin.FromJson(json);
        Assert.Equal(2, read.ReadFromChart!.Count);
        Assert.Equal(("phq9Item9", "0"), (read.ReadFromChart[0].Field, read.ReadFromChart[0].ValueJson));
        Assert.Equal(new HookChartSource("Observation/abc", "2026-11-30T14:05:00+08:00"), Assert.Single(read.ReadFromChart[0].From));
        Assert.Equal(new HookChartSource("Condition/c-mdd", null), Assert.Single(read.ReadFromChart[1].From));
        Assert.Equal(json, read.ToJson());

        var entry = Entry();
        entry.HookOriginJson = json;
        var recorded = ChainHash.Compute(entry);
        entry.HookOriginJson = (without with { ReadFromChart = ReadFromChart("2026-11-30T14:06:00+08:00") }).ToJson();
        Assert.NotEqual(recorded, ChainHash.Compute(entry));

        // Without it (every entry logged before it existed, and a call whose chart gave nothing), the origin is the JSON
        // those entries store, read back without it, so such an entry hashes as it did.
        const string Stored = """{"issuer":"https://ehr.example","userId":"Practitioner/1","hook":"patient-view","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea","service":"ketamine-screening-patient-view","cards":["5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11"],"fhir":{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}}""";
        Assert.Null(HookOrigin.FromJson(Stored).ReadFromChart);
        Assert.Equal(Stored, HookOrigin.FromJson(Stored).ToJson());
        Assert.Equal(Stored, (without with { ReadFromChart = [] }).ToJson());
        entry.HookOriginJson = without.ToJson();
        var before = Entry();
        before.HookOriginJson = Stored;
        Assert.Equal(ChainHash.Compute(before), ChainHash.Compute(entry));
    }

    private static List<HookChartValue> ReadFromChart(string at) =>
    [
        new("phq9Item9", "0", [new HookChartSource("Observation/abc", at)]),
        new("depressionDiagnosis", "\"recurrent\"", [new HookChartSource("Condition/c-mdd", null)]),
    ];

    private static HookDisagreement Disagreement(string used) => new(
        Guid.Parse("0190a0b0-0000-7000-8000-000000000003"),
        new DateOnly(2026, 11, 28),
        [
            new HookDisagreementField("pregnant", "false", ["Observation/preg"], "true", used),
            new HookDisagreementField("substancesUsed", """["alcohol"]""", ["Condition/c-aud"], """["ketamine-or-pcp"]""", """["alcohol","ketamine-or-pcp"]"""),
        ]);

    private static HookOrigin Origin(string user) => new(
        "https://ehr.example", user, "patient-view", "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea", "ketamine-screening-patient-view",
        [Guid.Parse("5b2b1ac3-7c38-4b0a-9d0e-1f0f6c1b3a11")], """{"prefetch":{"patient":{"resourceType":"Patient","id":"p1"}}}""");

    private static DecisionLogEntry Entry() => new()
    {
        Sequence = 7,
        Id = Guid.Parse("0190a0b0-0000-7000-8000-000000000007"),
        EntryType = DecisionLogEntryTypes.Screening,
        RecordedAt = new DateTime(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc),
        ActorUserId = "u1",
        ActorEmail = "psychiatrist@demo.local",
        ActorRole = "Psychiatrist",
        CorrelationId = "c1",
        PatientReference = "MRN-1",
        Overall = "incomplete",
        RuleSetVersion = "1.1.0",
        RuleSetDigest = "sha256:x",
        InputJson = "{}",
        HistoryJson = "{}",
        AssessmentJson = "{}",
        PreviousHash = ChainHash.Genesis,
    };

    /// <summary>The v1 canonical form as it was written before the origin existed: an independent re-implementation.</summary>
    private static string ChainHashV1(DecisionLogEntry e)
    {
        var text = new System.Text.StringBuilder("ketaminecds/decision-log/v1\n");
        void Field(string name, string? value) => text.Append(value is null ? $"{name}=~\n" : $"{name}={value.Length}:{value}\n");
        Field("sequence", "7");
        Field("id", e.Id.ToString("D"));
        Field("type", e.EntryType);
        Field("recordedAt", "2026-11-28T10:00:00.000000Z");
        Field("actorUserId", e.ActorUserId);
        Field("actorEmail", e.ActorEmail);
        Field("actorRole", e.ActorRole);
        Field("correlationId", e.CorrelationId);
        Field("patientReference", e.PatientReference);
        Field("overall", e.Overall);
        Field("ruleSetVersion", e.RuleSetVersion);
        Field("ruleSetDigest", e.RuleSetDigest);
        Field("relatesToId", null);
        Field("correctionReason", null);
        Field("inputJson", e.InputJson);
        Field("historyJson", e.HistoryJson);
        Field("assessmentJson", e.AssessmentJson);
        Field("previousHash", e.PreviousHash);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }
}
