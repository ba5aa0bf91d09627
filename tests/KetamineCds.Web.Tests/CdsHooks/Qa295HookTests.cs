using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Web.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// QA295, the integrator's pass over the CDS Hooks service: a client configured without the record number's identifier
/// system (F1), a <c>null</c> prefetch key read as a failed fetch (F2), the incomplete card not naming pregnancy while the
/// age is unknown (F3), and the prefilled form counting a hidden answer among those filled in from the chart (F4). The hook
/// is answered in process (<see cref="CdsHookAnswering"/>), as <see cref="ClinicJurisdictionHookTests"/> does.
/// </summary>
public sealed class Qa295HookTests(ITestOutputHelper output)
{
    private const string RecordNumberSystem = "urn:oid:2.16.840.1.113883.19.5";

    /// <summary>The questions the diagnosis, the suicidality, the sex at birth and the age may ask.</summary>
    private static readonly string[] AskedByThoseAnswers =
        ["pregnant", "moodStabilizer", "moodStabilizerOptimized", "safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged", "suicidalIntent", "preparatoryActsOrAbortedAttempt"];

    private static JsonObject PatientWithRecordNumber(string id, string recordNumber) => new()
    {
        ["resourceType"] = "Patient",
        ["id"] = id,
        ["identifier"] = new JsonArray(new JsonObject { ["system"] = RecordNumberSystem, ["value"] = recordNumber }),
    };

    private static async Task<IReadOnlyList<Card>> AnswerAsync(KetamineCdsFactory factory, CdsHookCaller caller, string patient, JsonNode? prefetch, string? language = null)
    {
        var body = new JsonObject
        {
            ["hook"] = "patient-view",
            ["hookInstance"] = Guid.NewGuid().ToString(),
            ["context"] = new JsonObject { ["userId"] = "Practitioner/test-psychiatrist", ["patientId"] = patient },
        };
        if (prefetch is not null)
        {
            body["prefetch"] = prefetch;
        }

        var answering = factory.Services.GetRequiredService<CdsHookAnswering>();
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        if (language is not null)
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(language);
        }

        try
        {
            return await answering.AnswerAsync(
                CdsHookServices.Find("ketamine-screening-patient-view")!, caller, Encoding.UTF8.GetBytes(body.ToJsonString()), "http://localhost", "corr-qa295", CancellationToken.None);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    private static async Task<string> PrefilledFormAsync(KetamineCdsFactory factory, IReadOnlyList<Card> cards, string? language = null)
    {
        var url = Assert.Single(cards.Where(c => c.Links is { Count: > 0 }).SelectMany(c => c.Links!)).Url;
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return await client.GetStringAsync(new Uri(url).PathAndQuery);
    }

    /// <summary>The patient reference's control, its label and what is said beside it, up to the next field.</summary>
    private static string ReferenceField(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "<label for=\"patientReference\">.*?<input[^>]*id=\"patientReference\"[^>]*>", RegexOptions.Singleline).Value);

    // F1: without CdsHooks:Clients:N:PatientIdentifierSystem, the answer is filed under the FHIR Patient id, and the
    // prefilled form showed that id as the record number, "from the EHR chart", without a word.
    [Theory]
    [InlineData("en", "This is the EHR's FHIR patient id, not a medical record number: no record-number system is configured for this EHR. Check it before saving: screenings are found by the patient reference they are saved under.")]
    [InlineData("zh-Hans", "这是电子病历系统的 FHIR 患者 ID，而不是病历号：未为此电子病历系统配置病历号的标识符系统。保存前请核对：筛查按保存时的患者编号查找。")]
    public async Task PatientView_ClientWithoutARecordNumberSystem_PrefilledFormSaysTheReferenceIsTheFhirId(string language, string note)
    {
        using var factory = new KetamineCdsFactory();

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test"), "fhir-qa295-a", new JsonObject { ["patient"] = PatientWithRecordNumber("fhir-qa295-a", "MRN-29501") });

        var field = ReferenceField(await PrefilledFormAsync(factory, cards, language));
        output.WriteLine(field);
        Assert.Contains("value=\"fhir-qa295-a\"", field, StringComparison.Ordinal);
        Assert.Contains(note, field, StringComparison.Ordinal);
        Assert.Matches("<p class=\"hint chart-check\" id=\"patientReference-source\">", field);
        Assert.Matches("aria-describedby=\"[^\"]*patientReference-source", field);
    }

    [Fact]
    public async Task PatientView_SystemConfiguredButThePatientHoldsNoRecordNumberInIt_PrefilledFormSaysSo()
    {
        using var factory = new KetamineCdsFactory();

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test", PatientIdentifierSystem: RecordNumberSystem), "fhir-qa295-b", new JsonObject { ["patient"] = HookChart.Patient("fhir-qa295-b") });

        var field = ReferenceField(await PrefilledFormAsync(factory, cards));
        Assert.Contains("value=\"fhir-qa295-b\"", field, StringComparison.Ordinal);
        Assert.Contains("This is the EHR's FHIR patient id, not a medical record number: the chart's Patient resource holds no single record number in the system configured for this EHR. Check it before saving", field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_RecordNumberReadInTheConfiguredSystem_PrefilledFormSaysNothingMore()
    {
        using var factory = new KetamineCdsFactory();

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test", PatientIdentifierSystem: RecordNumberSystem), "fhir-qa295-c", new JsonObject { ["patient"] = PatientWithRecordNumber("fhir-qa295-c", "MRN-29503") });

        var field = ReferenceField(await PrefilledFormAsync(factory, cards));
        Assert.Contains("value=\"MRN-29503\"", field, StringComparison.Ordinal);
        Assert.DoesNotContain("FHIR patient id", field, StringComparison.Ordinal);
        Assert.DoesNotContain("patientReference-source", field, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClientWithoutARecordNumberSystem_LogsOneWarningNamingItsSetting()
    {
        using var client = new TestCdsClient("https://ehr.qa295-start.test", "qa295-key");
        var logs = new CapturingLoggerProvider();
        using var factory = new LoggingFactory(logs) { Settings = client.Settings() };

        using var http = factory.CreateRawClient();
        await http.GetAsync("/health/live");

        var warning = Assert.Single(logs.Records, r => r.Message.Contains("PatientIdentifierSystem", StringComparison.Ordinal));
        output.WriteLine(warning.Message);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal(typeof(CdsHookClients).FullName, warning.Category);
        Assert.StartsWith("CDS Hooks client 0 (https://ehr.qa295-start.test) has no CdsHooks:Clients:0:PatientIdentifierSystem:", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ClientWithARecordNumberSystem_LogsNoSuchWarning()
    {
        using var client = new TestCdsClient("https://ehr.qa295-start.test", "qa295-key");
        var logs = new CapturingLoggerProvider();
        var settings = client.Settings();
        settings["CdsHooks:Clients:0:PatientIdentifierSystem"] = RecordNumberSystem;
        using var factory = new LoggingFactory(logs) { Settings = settings };

        using var http = factory.CreateRawClient();
        await http.GetAsync("/health/live");

        Assert.DoesNotContain(logs.Records, r => r.Message.Contains("PatientIdentifierSystem", StringComparison.Ordinal));
    }

    // F2: CDS Hooks 2.0 has a client send null for a template it has no data to populate, and leave out one it could not
    // fetch; a null was named "the EHR could not fetch it" and the card said the EHR did not send all of the chart.
    [Fact]
    public async Task PatientView_EveryPrefetchKeyNull_SaysTheEhrReportedNoDataAndStillNotRecorded()
    {
        using var factory = new KetamineCdsFactory();
        var prefetch = new JsonObject();
        foreach (var key in CdsHookServices.Prefetch.Keys)
        {
            prefetch[key] = null;
        }

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test"), "fhir-qa295-null", prefetch);

        var text = HookChart.AllDetail(cards, output);
        Assert.DoesNotContain("could not fetch", text, StringComparison.Ordinal);
        Assert.DoesNotContain("did not send", text, StringComparison.Ordinal);
        Assert.DoesNotContain("may be recorded in the chart", text, StringComparison.Ordinal);
        var card = Assert.Single(cards, c => c.Summary.StartsWith("Ketamine screening incomplete", StringComparison.Ordinal));
        Assert.EndsWith("items are not recorded in the chart", card.Summary, StringComparison.Ordinal);
        Assert.Contains("**Parts of the chart for which the EHR reported no data (CDS Hooks prefetch):**\n\n- `patient`: the EHR reported no data for it (sent as null).\n- `conditions`: the EHR reported no data for it (sent as null).", card.Detail, StringComparison.Ordinal);
        Assert.Contains("an item read from these parts is **not recorded**, never read as \"no\"", card.Detail, StringComparison.Ordinal);
        // The safety behaviour is kept: the items are listed as not recorded.
        Assert.Contains("**Safety items not recorded (each could block a pathway):**", card.Detail, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        var answer = scope.ServiceProvider.GetRequiredService<KetamineCds.Infrastructure.Data.KetamineCdsDbContext>().DecisionLogEntries.Single(e => e.PatientReference == "fhir-qa295-null");
        Assert.All(KetamineCds.Infrastructure.DecisionLog.HookOrigin.FromJson(answer.HookOriginJson!).PrefetchGaps!, g => Assert.Equal("null", g.State));
    }

    [Theory]
    [InlineData("en", "did not send all of the chart", "`observations`: the EHR reported no data for it (sent as null).", "`allergies`: not sent.")]
    [InlineData("zh-Hans", "EHR 未发送完整的病历", "`observations`：EHR 报告没有该部分的数据（发送为 null）。", "`allergies`：未发送。")]
    public async Task PatientView_OneKeyNullAndOneLeftOut_NamesEachAsItWasSent(string language, string summaryEnd, string nullLine, string leftOutLine)
    {
        using var factory = new KetamineCdsFactory();
        const string Empty = """{"resourceType": "Bundle", "type": "searchset", "total": 0}""";
        var prefetch = new JsonObject
        {
            ["patient"] = HookChart.Patient("fhir-qa295-mix"),
            ["conditions"] = JsonNode.Parse(Empty),
            ["medicationRequests"] = JsonNode.Parse(Empty),
            ["medicationStatements"] = JsonNode.Parse(Empty),
            ["observations"] = null,
        };

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test"), "fhir-qa295-mix", prefetch, language);

        var text = HookChart.AllDetail(cards, output);
        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        Assert.EndsWith(summaryEnd, card.Summary, StringComparison.Ordinal);
        Assert.Contains(nullLine, card.Detail, StringComparison.Ordinal);
        Assert.Contains(leftOutLine, card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("could not fetch", text, StringComparison.Ordinal);
        // The null key is not among the parts not sent.
        var notSent = card.Detail[card.Detail.IndexOf(language == "en" ? "Parts of the chart the EHR did not send" : "EHR 未发送的病历部分", StringComparison.Ordinal)..];
        Assert.DoesNotContain("`observations`", notSent.Split("\n\n")[1], StringComparison.Ordinal);
    }

    // F3: with no prefetch, "30 items are not recorded" named the age but not pregnancy: the question is asked from 12 to
    // 55, and with the age unknown that condition was read as false.
    [Fact]
    public async Task PatientView_NoPrefetch_CardNamesPregnancyAmongTheSafetyItems()
    {
        using var factory = new KetamineCdsFactory();

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test"), "fhir-qa295-none", null);

        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        output.WriteLine(card.Summary + "\n" + card.Detail);
        var safety = card.Detail[card.Detail.IndexOf("**Safety items not recorded", StringComparison.Ordinal)..].Split("\n\n")[1];
        Assert.Contains("- Pregnant", safety, StringComparison.Ordinal);
        var required = card.Detail[card.Detail.IndexOf("**Needed before the rules can run:**", StringComparison.Ordinal)..].Split("\n\n")[1];
        Assert.Contains("- Age in years", required, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "safety")] // F3: the age unknown, the question may be asked (it was left out)
    [InlineData("female", null, "safety")] // may be required, may be asked: it could block; not yet needed before the rules run
    [InlineData("intersex", null, "safety")]
    [InlineData(null, 30, "safety")]
    [InlineData("female", 30, "required")]
    [InlineData("male", null, null)] // never asked of a patient male at birth, whatever the age
    [InlineData(null, 60, null)]
    [InlineData("female", 11, null)]
    public void NotRecorded_PregnancyWithTheAgeOrSexUnknown_IsNamedWheneverTheQuestionMayBeAsked(string? sex, int? age, string? listedAs)
    {
        var values = new Dictionary<string, object> { ["patientReference"] = "MRN-1", ["jurisdiction"] = "us" };
        if (sex is not null)
        {
            values["sexAtBirth"] = sex;
        }

        if (age is { } years)
        {
            values["ageYears"] = years;
        }

        var (required, safety) = CdsHookAnswering.NotRecorded(values);

        Assert.Equal(listedAs == "required", required.Contains("pregnant"));
        Assert.Equal(listedAs == "safety", safety.Contains("pregnant"));
    }

    /// <summary>
    /// Helper 306: the sex at birth not recorded while pregnancy status may be asked (the question is asked unless the patient
    /// is male at birth, from 12 to 55) is named with the safety items: with both blank the pathways wait for one of them
    /// (REC-001 and the others name both once the rules run), and a blank is never read as male. The card named pregnancy alone,
    /// the catalogue not marking the sex at birth as able to block; where pregnancy is not asked (the age outside 12 to 55) or
    /// recorded, nothing turns on the sex at birth, and it is not named.
    /// </summary>
    [Theory]
    [InlineData(null, null, true)]
    [InlineData(30, null, true)]
    [InlineData(60, null, false)]
    [InlineData(30, false, false)]
    public void NotRecorded_SexAtBirthUnknownWhilePregnancyMayBeAsked_IsNamedWithTheSafetyItems(int? age, bool? pregnant, bool named)
    {
        var values = new Dictionary<string, object> { ["patientReference"] = "MRN-1", ["jurisdiction"] = "us" };
        if (age is { } years)
        {
            values["ageYears"] = years;
        }

        if (pregnant is { } answer)
        {
            values["pregnant"] = answer;
        }

        var (required, safety) = CdsHookAnswering.NotRecorded(values);

        Assert.Equal(named, safety.Contains("sexAtBirth"));
        Assert.DoesNotContain("sexAtBirth", required);
        // In the catalogue's order: the sex at birth before pregnancy.
        if (named)
        {
            Assert.True(safety.IndexOf("sexAtBirth") < safety.IndexOf("pregnant"));
        }
    }

    [Theory]
    [InlineData("en", "- Sex at birth", "- Pregnant")]
    [InlineData("zh-Hans", "- 出生性别", "- 妊娠")]
    public async Task PatientView_PatientOfFortyWithoutBirthSex_CardNamesSexAtBirthBesidePregnancy(string language, string sex, string pregnant)
    {
        using var factory = new KetamineCdsFactory();
        var patient = HookChart.Patient("fhir-h306-sex");
        patient["birthDate"] = DateTime.UtcNow.AddYears(-40).AddDays(-30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test"), "fhir-h306-sex", new JsonObject { ["patient"] = patient }, language);

        var card = Assert.Single(cards, c => c.Links is { Count: > 0 });
        output.WriteLine(card.Summary + "\n" + card.Detail);
        var safety = card.Detail[card.Detail.IndexOf(language == "en" ? "**Safety items not recorded" : "**未记录的安全项目", StringComparison.Ordinal)..].Split("\n\n")[1];
        Assert.Contains(sex + "\n", safety, StringComparison.Ordinal);
        Assert.Contains(pregnant, safety, StringComparison.Ordinal);
        Assert.DoesNotContain("Age in years", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void NotRecorded_AnswersTheRulesNeedUnknown_NamesTheSafetyQuestionsTheyMayAsk()
    {
        // The diagnosis and suicidality are required: until they are recorded, the questions they ask may be asked.
        var (_, safety) = CdsHookAnswering.NotRecorded(new Dictionary<string, object> { ["patientReference"] = "MRN-1", ["jurisdiction"] = "us" });

        Assert.Subset(safety.ToHashSet(), new HashSet<string> { "moodStabilizer", "moodStabilizerOptimized", "safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged", "suicidalIntent", "preparatoryActsOrAbortedAttempt" });
        // Helper 310: the life-limiting illness, which the palliative pathway waits for while it is not recorded (REC-005;
        // P-PALLIATIVE, PAL-001), is named with them: the catalogue marks it as able to keep a pathway waiting.
        Assert.Contains("lifeLimitingIllness", safety);
        // An optional answer not recorded is no unknown the rules wait for: PHQ-9 item 9 is not recorded, so the assessment
        // after a positive item 9 is not asked, nor is the prognosis of a life-limiting illness not recorded.
        Assert.DoesNotContain("suicideRiskAssessedAfterItem9", safety);
        Assert.DoesNotContain("prognosisWeeks", safety);
    }

    [Fact]
    public void NotRecorded_AnswersRecordedThatDoNotAsk_NamesNoneOfTheirQuestions()
    {
        var (required, safety) = CdsHookAnswering.NotRecorded(new Dictionary<string, object>
        {
            ["patientReference"] = "MRN-1",
            ["jurisdiction"] = "us",
            ["ageYears"] = 40,
            ["sexAtBirth"] = "male",
            ["primaryDiagnosis"] = "mdd",
            ["suicidality"] = "none",
        });

        Assert.All(AskedByThoseAnswers, f => Assert.DoesNotContain(f, required.Concat(safety)));
    }

    [Theory]
    [InlineData("eu", true)]
    [InlineData("us", false)]
    public void CareNotRecorded_WhetherOnAnOralAntidepressantUnknown_NamesItsClassWhereTheLabelAsksIt(string jurisdiction, bool named)
    {
        var care = CdsHookAnswering.CareNotRecorded(new Dictionary<string, object> { ["patientReference"] = "MRN-1", ["jurisdiction"] = jurisdiction }, []);

        Assert.Equal(named, care.Contains("oralAntidepressantClass"));
    }

    // F4: "12 answers are filled in from the EHR chart" counted the class of the oral antidepressant, which the form hides
    // (and disables) under the US label; 11 badges showed.
    [Fact]
    public async Task PrefilledForm_AnAnswerTheFormHides_IsNotCountedAmongThoseFilledIn()
    {
        using var factory = new KetamineCdsFactory();
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests", "patient-view-mdd-with-aneurysm.json")))!;

        var cards = await AnswerAsync(factory, new CdsHookCaller("https://ehr.qa295.test", PatientIdentifierSystem: RecordNumberSystem), sample["context"]!["patientId"]!.GetValue<string>(), sample["prefetch"]!.DeepClone());

        var html = await PrefilledFormAsync(factory, cards);
        // The premise: the class is filled in from the chart, in a question hidden under the US label.
        var at = html.IndexOf("id=\"oralAntidepressantClass-asked\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        var opening = html[html.LastIndexOf("<div class=\"conditional\"", at, StringComparison.Ordinal)..at];
        Assert.Contains("jurisdiction=eu", opening, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("from the EHR chart", html[at..html.IndexOf("</select>", at, StringComparison.Ordinal)], StringComparison.Ordinal);
        var badges = Regex.Count(html, "<span class=\"from-ehr\">");
        var said = int.Parse(Regex.Match(html, "<p class=\"lead\" id=\"from-ehr\">(\\d+) answers are filled in from the EHR chart").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(badges - 1, said);
    }

    /// <summary>The app as the other tests start it, with every log record also kept by <paramref name="logs"/>.</summary>
    private sealed class LoggingFactory(CapturingLoggerProvider logs) : KetamineCdsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        }
    }
}
