using KetamineCds.Domain.Rules;
using KetamineCds.Domain.Screening;
using KetamineCds.Web.CdsHooks;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using static KetamineCds.Web.Tests.Localization.TranslationCompletenessTests;

namespace KetamineCds.Web.Tests.CdsHooks;

/// <summary>
/// The cards of an answer whose rules ran name what the result page lists as not recorded (<see cref="NotRecordedSummary"/>),
/// every item of it, in the card's language and within the spec's limits.
/// </summary>
public sealed class CardBuilderTests
{
    private const string Prefill = "http://localhost/Screenings/New?prefill=abc";

    /// <summary>The QA case of the result page: only the required answers and a blood pressure of 182/112 (CV-003 blocks every pathway).</summary>
    private static ScreeningRequest BloodPressure182Over112()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.SystolicBp] = 182;
        request[Fields.DiastolicBp] = 112;
        return request;
    }

    private static ScreeningRequest ActiveIdeationWithoutASafetyNet()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.Suicidality] = "active-ideation";
        request[Fields.SafetyPlanInPlace] = false;
        request[Fields.LethalMeansCounselled] = false;
        request[Fields.FollowUpArranged] = false;
        return request;
    }

    private static ScreeningRequest Bipolar()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.PrimaryDiagnosis] = "bipolar-i";
        request[Fields.MoodStabilizer] = "lithium";
        request[Fields.MoodStabilizerOptimized] = true;
        return request;
    }

    public static TheoryData<string> Histories() => ["required-only", "bp-182-112", "active-ideation", "bipolar", "aneurysm"];

    private static ScreeningRequest History(string name) => name switch
    {
        "required-only" => Requests.OnlyTheRequiredAnswers(),
        "bp-182-112" => BloodPressure182Over112(),
        "active-ideation" => ActiveIdeationWithoutASafetyNet(),
        "bipolar" => Bipolar(),
        _ => WithAneurysm(),
    };

    private static ScreeningRequest WithAneurysm()
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.AneurysmalVascularDisease] = true;
        return request;
    }

    private static (Assessment Assessment, NotRecordedSummary NotRecorded, List<Card> Cards) Answer(ScreeningRequest request, bool orderSign = false)
    {
        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        var cards = new CardBuilder("http://localhost", orderSign).ForAssessment(assessment, notRecorded, CardBuilder.NeedsForm(assessment, notRecorded) ? Prefill : null);
        return (assessment, notRecorded, cards);
    }

    [Theory]
    [MemberData(nameof(Histories))]
    public void ForAssessment_AnyHistory_NamesEverySafetyQuestionTheResultPageListsInOneCardWithTheForm(string name)
    {
        var (_, notRecorded, cards) = Answer(History(name));

        Assert.NotEmpty(notRecorded.SafetyQuestions);
        var card = Assert.Single(cards, c => c.Links is not null);
        Assert.Equal(Prefill, Assert.Single(card.Links!).Url);
        foreach (var item in notRecorded.SafetyQuestions)
        {
            Assert.Contains("- " + item.Label, card.Detail, StringComparison.Ordinal);
        }

        foreach (var label in notRecorded.CareItems.SelectMany(c => c.Labels))
        {
            Assert.Contains("- " + label, card.Detail, StringComparison.Ordinal);
        }

        Assert.All(cards, c => Assert.InRange(c.Summary.Length, 1, 140));
    }

    [Fact]
    public void ForAssessment_AContraindicationBlocks_AddsACardNamingTheNineQuestionsNotRecordedAfterTheCriticalCard()
    {
        var (assessment, notRecorded, cards) = Answer(BloodPressure182Over112());

        Assert.Equal(Verdict.NotEligibleNow, assessment.Overall);
        Assert.Equal(9, notRecorded.CouldAlsoBlock.Count);
        Assert.Equal("critical", cards[0].Indicator);
        var card = cards[^1];
        Assert.Equal("info", card.Indicator);
        Assert.Equal("Ketamine screening: 9 safety questions are not recorded; each could block a pathway", card.Summary);
        Assert.Contains("**Safety questions not answered that could block a pathway:**", card.Detail, StringComparison.Ordinal);
        Assert.Contains("A recorded contraindication or unmet precondition already makes the pathways not eligible now", card.Detail, StringComparison.Ordinal);
        Assert.Contains("- Aneurysmal vascular disease", card.Detail, StringComparison.Ordinal);
        Assert.Contains("- Myocardial infarction or stroke in the last 6 weeks", card.Detail, StringComparison.Ordinal);
        // Answering them would not open a pathway: the card never says a pathway waits for them.
        Assert.DoesNotContain("Must be answered before a pathway can open", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("incomplete", card.Summary, StringComparison.OrdinalIgnoreCase);
        // Helper 245: and what the questions rest on, the contraindications each could show (VAS-001: SPRAVATO-PI-US); helper
        // 290: right under them, and P-SAFETY-REMS on the last line, for the card as a whole.
        var questionsCite = card.Detail[card.Detail.IndexOf("- Myocardial infarction or stroke in the last 6 weeks\n\nCites: ", StringComparison.Ordinal)..];
        Assert.Contains("SPRAVATO-PI-US", questionsCite[..questionsCite.IndexOf(".\n\n", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains("\n\nThe card as a whole cites: P-SAFETY-REMS. ", card.Detail, StringComparison.Ordinal);
        Assert.Contains("never replaces", card.Detail, StringComparison.Ordinal);
        Assert.Equal(KetamineCds.Infrastructure.DecisionLog.OverrideDecision.Proceed, card.OverrideMeans);
    }

    [Fact]
    public void ForAssessment_AContraindicationBlocks_AChartEntryAboutASafetyQuestion_NamesItOnceInItsPlace_AndTheCountIsUnchanged()
    {
        // Helper 231: once the rules ran, a chart entry to check about a safety question no pathway waits for is named by its
        // line in place of the question's label, under that heading; an entry of no question listed keeps its own heading.
        var history = BloodPressure182Over112().ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        KetamineCds.Fhir.ChartEntryToCheck[] toCheck =
        [
            new("aneurysmalVascularDisease", KetamineCds.Fhir.ChartCheckKind.Unconfirmed, "Condition/c-aaa", "I71.4"),
            new("phq9Total", KetamineCds.Fhir.ChartCheckKind.Unconfirmed, "Observation/tot", "44261-6"),
        ];

        var card = new CardBuilder("http://localhost", false).ForAssessment(assessment, notRecorded, Prefill, toCheck)[^1];

        // Helper 234: one of them is named by a chart entry the screening cannot read, so "not recorded or not readable".
        Assert.Equal($"Ketamine screening: {notRecorded.CouldAlsoBlock.Count} safety questions are not recorded or not readable; each could block a pathway", card.Summary);
        var listed = card.Detail.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).ToList();
        var aneurysm = Assert.Single(listed, l => l.Contains("Aneurysmal vascular disease", StringComparison.Ordinal));
        Assert.StartsWith("- Aneurysmal vascular disease: the chart holds “I71.4” (Condition/c-aaa), not confirmed", aneurysm, StringComparison.Ordinal);
        Assert.EndsWith("Cites: P-SAFETY-REMS.", aneurysm, StringComparison.Ordinal);
        var blocking = card.Detail.IndexOf("**Safety questions not answered that could block a pathway:**", StringComparison.Ordinal);
        var entries = card.Detail.IndexOf("**Recorded in the chart in a form the screening cannot use", StringComparison.Ordinal);
        Assert.InRange(card.Detail.IndexOf(aneurysm, StringComparison.Ordinal), blocking, entries);
        Assert.Contains("- PHQ-9 total score: the chart holds “44261-6” (Observation/tot)", card.Detail[entries..], StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_OrderSign_TheNotRecordedCardIsAWarning()
    {
        var (_, _, cards) = Answer(BloodPressure182Over112(), orderSign: true);

        Assert.Equal("warning", Assert.Single(cards, c => c.Links is not null).Indicator);
    }

    [Fact]
    public void ForAssessment_Incomplete_NamesEachItemWithThePathwaysWaitingAndCountsEveryItem()
    {
        var (assessment, notRecorded, cards) = Answer(Requests.OnlyTheRequiredAnswers());

        Assert.Equal(Verdict.Incomplete, assessment.Overall);
        var card = Assert.Single(cards, c => c.Links is not null);
        // Helper 245: each question once, though sex at birth and pregnancy are both waited for and care items (REP-003).
        var count = notRecorded.SafetyQuestions.Select(i => i.Field).Concat(notRecorded.CareItems.SelectMany(c => c.Fields)).Distinct().Count();
        Assert.Equal($"Ketamine screening incomplete: {count} items are not recorded in the chart", card.Summary);
        Assert.Contains("**Must be answered before a pathway can open:**", card.Detail, StringComparison.Ordinal);
        Assert.Contains("- Sex at birth (waiting: esketamine TRD", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Safety questions not answered that could block a pathway", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_IncompleteWithQuestionsNoPathwayWaitsFor_NamesThemUnderTheirOwnHeading()
    {
        var history = Requests.OnlyTheRequiredAnswers().ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var summary = new NotRecordedSummary(
            [new MissingSafetyItem("pregnant", "Pregnant", [Pathway.EsketamineTrd]), new MissingSafetyItem("substanceUse", "Substance use disorder", [])],
            []);

        var card = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, Prefill), c => c.Links is not null);

        Assert.StartsWith("Ketamine screening incomplete: 2 items", card.Summary, StringComparison.Ordinal);
        Assert.Contains("- Pregnant (waiting: esketamine TRD)", card.Detail, StringComparison.Ordinal);
        Assert.Contains("**Safety questions not answered that could block a pathway:**\n\nWith the answers recorded, no pathway waits for these; each could still block a pathway.\n\n- Substance use disorder", card.Detail, StringComparison.Ordinal);
    }

    private const string BeforeFirstDoseHeading = "**Must be known before the first dose:**";
    private const string CareHeading = "**Items that call for care while not recorded:**";

    /// <summary>The care items of a card's detail, from the care heading to the next paragraph that is not a list.</summary>
    private static string CareSection(string detail)
    {
        var start = detail.IndexOf(CareHeading, StringComparison.Ordinal);
        Assert.True(start >= 0, "No care heading in: " + detail);
        var list = detail[(start + CareHeading.Length + 2)..];
        var end = list.IndexOf("\n\n", StringComparison.Ordinal);
        return end < 0 ? list : list[..end];
    }

    [Fact]
    public void ForAssessment_Incomplete_NamesTheCareItemsTheFirstDoseWaitsForApartFromTheOtherCareItems()
    {
        // QA148 F2 on the EHR's card: the result page lists blood pressure and hepatic status under "Must be known before the
        // first dose" (a contraindication reads each: CV-003, HEP-001); the card listed them as plain care items.
        var (assessment, notRecorded, cards) = Answer(Requests.OnlyTheRequiredAnswers());

        Assert.Equal(Verdict.Incomplete, assessment.Overall);
        Assert.Equal(["CV-004", "HEP-003"], notRecorded.BeforeFirstDose.Select(c => c.Finding.RuleId));
        var card = Assert.Single(cards, c => c.Links is not null);
        // Helper 271: the pathways waiting wait for the answers listed above the section, never for these: the note names them.
        Assert.Contains(
            BeforeFirstDoseHeading + "\n\n"
                + "The pathways waiting (esketamine TRD, off-label ketamine TRD, off-label palliative) wait for other answers, not for these, but no dose is given until these are known: an answer could still rule treatment out.\n\n"
                + "- Systolic blood pressure\n- Diastolic blood pressure\n- Hepatic impairment\n\n"
                + "Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (Cites: P-SAFETY-REMS, SPRAVATO-PI-US. Rule CV-004.) "
                + "Hepatic status not recorded: assess liver function (Child-Pugh) before treatment. (Cites: SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018. Rule HEP-003.)\n\n",
            card.Detail,
            StringComparison.Ordinal);
        var care = CareSection(card.Detail);
        Assert.DoesNotContain("blood pressure", care, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hepatic", care, StringComparison.Ordinal);
        Assert.NotEmpty(notRecorded.OtherCareItems);
        // Helper 245: but for the questions a pathway waits for (sex at birth, pregnancy beside REP-003), named once, above.
        var waited = notRecorded.BeforeAPathwayCanOpen.Select(i => i.Label).ToHashSet(StringComparer.Ordinal);
        Assert.All(notRecorded.OtherCareItems.SelectMany(c => c.Labels).Where(l => !waited.Contains(l)), l => Assert.Contains("- " + l + "\n", care + "\n", StringComparison.Ordinal));
        Assert.All(waited, l => Assert.DoesNotContain("- " + l + "\n", care + "\n", StringComparison.Ordinal));
        Assert.True(card.Detail.IndexOf(BeforeFirstDoseHeading, StringComparison.Ordinal) < card.Detail.IndexOf(CareHeading, StringComparison.Ordinal));
        // Still counted with every other item, each once.
        var count = notRecorded.SafetyQuestions.Select(i => i.Field).Concat(notRecorded.CareItems.SelectMany(c => c.Fields)).Distinct().Count();
        Assert.Equal($"Ketamine screening incomplete: {count} items are not recorded in the chart", card.Summary);
    }

    /// <summary>
    /// An eligible assessment (every item recorded but blood pressure and hepatic status), read with a summary that also
    /// names a safety question no pathway waits for: the not-recorded card beside the eligible card.
    /// </summary>
    private static (Assessment Assessment, NotRecordedSummary Summary) OpenWithBloodPressureAndLiverNotRecorded()
    {
        var (assessment, found) = OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp, Fields.HepaticImpairment);
        Assert.Equal(["CV-004", "HEP-003"], found.BeforeFirstDose.Select(c => c.Finding.RuleId));
        return (assessment, found with { SafetyQuestions = [new MissingSafetyItem("substanceUse", ClinicalText.Shared.FieldLabel("substanceUse"), [])] });
    }

    /// <summary>
    /// The eligible history of <see cref="ActiveIdeationSafetyNetComplete"/> with <paramref name="blank"/> not recorded,
    /// under <paramref name="ruleSet"/>: a pathway is open, and (nothing else being blank) no safety question is missing.
    /// </summary>
    private static (Assessment Assessment, NotRecordedSummary Summary) OpenWithout(RuleSet ruleSet, params FieldDefinition[] blank)
    {
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(ActiveIdeationSafetyNetComplete));
        Assert.Empty(read.Errors);
        var request = read.Request;
        foreach (var field in blank)
        {
            request[field] = null;
        }

        var history = request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, ruleSet);
        var found = NotRecordedSummary.Of(assessment, history);
        Assert.True(found.APathwayIsOpen);
        return (assessment, found);
    }

    private const string BloodPressureWhy =
        "Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (Cites: P-SAFETY-REMS, SPRAVATO-PI-US. Rule CV-004.)";

    private const string HepaticWhy =
        "Hepatic status not recorded: assess liver function (Child-Pugh) before treatment. (Cites: SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018. Rule HEP-003.)";

    private const string PathwayOpenNote =
        "A pathway is open without these answers, but no dose is given until they are known: an answer could still rule treatment out.";

    private static Card EligibleCard(List<Card> cards) =>
        Assert.Single(cards, c => c.OverrideMeans == KetamineCds.Infrastructure.DecisionLog.OverrideDecision.DoNotProceed);

    public static TheoryData<string, string> OnlyOneCareItemBlank() => new()
    {
        { "bp", BeforeFirstDoseHeading + "\n\n" + PathwayOpenNote + "\n\n- Systolic blood pressure\n- Diastolic blood pressure\n\n" + BloodPressureWhy + "\n\n" },
        { "liver", BeforeFirstDoseHeading + "\n\n" + PathwayOpenNote + "\n\n- Hepatic impairment\n\n" + HepaticWhy + "\n\n" },
    };

    [Theory]
    [MemberData(nameof(OnlyOneCareItemBlank))]
    public void ForAssessment_APathwayIsOpenAndOnlyBloodPressureOrHepaticStatusIsBlank_TheEligibleCardNamesItUnderTheHeading(string blank, string section)
    {
        // QA148 F2, leftover: with nothing else missing there is no not-recorded card, and the eligible card said only
        // "eligible with cautions for ..." with the open pathways: a clinician reading the EHR's card could miss that no
        // dose may be given yet. It names them as the result page does, right under the open pathways.
        var (assessment, summary) = blank == "bp"
            ? OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp)
            : OpenWithout(RuleSetCatalog.Current, Fields.HepaticImpairment);
        Assert.Empty(summary.SafetyQuestions);
        Assert.Single(summary.BeforeFirstDose);

        var cards = new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, CardBuilder.NeedsForm(assessment, summary) ? Prefill : null);

        Assert.DoesNotContain(cards, c => c.Links is not null);
        var card = EligibleCard(cards);
        Assert.StartsWith("Ketamine screening: eligible with cautions for", card.Summary, StringComparison.Ordinal);
        // The contract fixes the eligible card as information; the cautions card beside it is the warning.
        Assert.Equal("info", card.Indicator);
        Assert.Contains(section, card.Detail, StringComparison.Ordinal);
        Assert.True(card.Detail.IndexOf("**Open pathways:**", StringComparison.Ordinal) < card.Detail.IndexOf(BeforeFirstDoseHeading, StringComparison.Ordinal));
        var requirements = card.Detail.IndexOf("**Requirements of the open pathways:**", StringComparison.Ordinal);
        Assert.True(requirements < 0 || card.Detail.IndexOf(BeforeFirstDoseHeading, StringComparison.Ordinal) < requirements);
        Assert.DoesNotContain("No pathway waits for these answers", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_APathwayIsOpenAndBloodPressureAndHepaticStatusAreBlank_TheCautionsCardNamesThemUnderTheHeadingToo()
    {
        // From rule set 1.2.0 CV-004 and HEP-003 are cautions: the warning card listing the cautions carries them, and
        // names them under the heading, as every card that names them does.
        var (assessment, summary) = OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp, Fields.HepaticImpairment);

        var cards = new CardBuilder("http://localhost", true).ForAssessment(assessment, summary, null);

        var cautions = Assert.Single(cards, c => c.Indicator == "warning");
        Assert.Contains(assessment.OfKind(FindingKind.Caution), f => f.RuleId == "CV-004");
        var high = HighSeverityCautionIds(assessment);
        // The section names the items; CV-004 and HEP-003 follow in full among the cautions, each once (helper-155 leftover:
        // the section repeated each one's summary and citations just above its own entry). The high-severity paragraph, if
        // any, names rule ids only.
        Assert.StartsWith(
            BeforeFirstDoseHeading + "\n\n" + PathwayOpenNote + "\n\n"
                + "- Systolic blood pressure\n- Diastolic blood pressure\n- Hepatic impairment\n\n" + (high.Count == 0 ? "### " : HighSeverityHeading),
            cautions.Detail,
            StringComparison.Ordinal);
        // Its summary names what the first dose waits for: an EHR showing summaries only never reads "weigh, then treat".
        var count = assessment.OfKind(FindingKind.Caution).Count();
        Assert.Equal(
            $"Ketamine: {count} cautions{(high.Count == 0 ? " to weigh" : $", {high.Count} high-severity")}; no first dose until known: Systolic blood pressure, Diastolic blood pressure, Hepatic impairment",
            cautions.Summary);
        foreach (var finding in assessment.OfKind(FindingKind.Caution).Where(f => f.RuleId is "CV-004" or "HEP-003"))
        {
            var summaryText = ClinicalText.Shared.FindingSummary(finding);
            Assert.Equal(cautions.Detail.IndexOf(summaryText, StringComparison.Ordinal), cautions.Detail.LastIndexOf(summaryText, StringComparison.Ordinal));
            Assert.Contains("### " + (high.Contains(finding.RuleId) ? "High severity: " : "") + summaryText, cautions.Detail, StringComparison.Ordinal);
        }

        Assert.Contains(BeforeFirstDoseHeading + "\n\n" + PathwayOpenNote, EligibleCard(cards).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_CautionsWithBloodPressureAndHepaticStatusKnown_TheCautionsCardHasNoSectionAndItsPlainSummary()
    {
        var (assessment, summary) = OpenWithout(RuleSetCatalog.Current);
        Assert.Empty(summary.BeforeFirstDose);
        var count = assessment.OfKind(FindingKind.Caution).Count();
        Assert.True(count > 0);

        var cautions = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, null), c => c.Indicator == "warning");

        Assert.Equal(count == 1 ? "Ketamine: 1 caution to weigh before treatment" : $"Ketamine: {count} cautions to weigh before treatment", cautions.Summary);
        Assert.DoesNotContain(BeforeFirstDoseHeading, cautions.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_RuleSet1_1_0_APathwayIsOpen_TheEligibleCardNamesBloodPressureUnderTheHeadingNotAsARequirement()
    {
        // Before 1.2.0 CV-004 and HEP-003 were requirements: the eligible card listed them among the open pathways'
        // requirements, without the heading.
        var (assessment, summary) = OpenWithout(RuleSetCatalog.V1_1_0, Fields.SystolicBp, Fields.DiastolicBp, Fields.HepaticImpairment);
        Assert.Contains(assessment.OfKind(FindingKind.Requirement), f => f.RuleId == "CV-004");

        var card = EligibleCard(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, null));

        Assert.Contains(BeforeFirstDoseHeading + "\n\n" + PathwayOpenNote + "\n\n- Systolic blood pressure\n- Diastolic blood pressure\n- Hepatic impairment\n\n", card.Detail, StringComparison.Ordinal);
        Assert.Contains("Rule CV-004.", card.Detail, StringComparison.Ordinal);
        // Named once, under the heading, never again as a plain requirement.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(card.Detail, "Blood pressure not recorded: measure it"));
    }

    [Fact]
    public void ForAssessment_InChinese_TheEligibleCardNamesBloodPressureUnderTheResultPagesChineseHeading()
    {
        using var chinese = new UiCulture("zh-Hans");
        var (assessment, summary) = OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp);

        var card = EligibleCard(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, null));

        var labels = string.Join("\n", new[] { Fields.SystolicBp.Name, Fields.DiastolicBp.Name }.Select(n => "- " + ClinicalText.Shared.FieldLabel(n)));
        Assert.Contains(
            "**首剂前必须明确：**\n\n已有路径开放，但在这些回答明确之前不得给药：其回答仍可能排除治疗。\n\n" + labels + "\n\n"
                + ClinicalText.Shared.FindingSummary(summary.BeforeFirstDose[0].Finding) + "（依据：P-SAFETY-REMS、SPRAVATO-PI-US。规则 CV-004。）",
            card.Detail,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Must be known", card.Detail, StringComparison.Ordinal);
        Assert.InRange(card.Summary.Length, 1, 140);
        // The rest of the card punctuates as the section does (the open pathways, the requirements' citations): Chinese
        // colons and brackets, no space after a full stop; it mixed "疾病: 符合条件" and "。 (依据：…)" with "（依据：…）".
        var open = assessment.Pathways.First(p => p.Status is PathwayStatus.Eligible or PathwayStatus.EligibleWithCautions);
        Assert.Contains("- " + Display.Of(open.Pathway) + "：" + Display.Of(open.Status).Text + "\n", card.Detail, StringComparison.Ordinal);
        Assert.Contains("。（依据：", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("。 ", card.Detail.Replace(CardTexts.SupportsNotReplaces, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(" (", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(": ", card.Detail, StringComparison.Ordinal);
        var cautions = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, null), c => c.Indicator == "warning");
        Assert.Contains("。规则 CV-004。", cautions.Detail, StringComparison.Ordinal);
        Assert.EndsWith("；以下项目明确前不得首次给药：" + string.Join("、", new[] { Fields.SystolicBp.Name, Fields.DiastolicBp.Name }.Select(ClinicalText.Shared.FieldLabel)), cautions.Summary, StringComparison.Ordinal);
        Assert.StartsWith("氯胺酮：有 " + assessment.OfKind(FindingKind.Caution).Count() + " 项注意事项", cautions.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("。 规则", cautions.Detail, StringComparison.Ordinal);
    }

    private const string HighSeverityHeading = "**High-severity cautions: hold or defer treatment until you have weighed each one and recorded your decision.** They are marked below: ";

    private static List<string> HighSeverityCautionIds(Assessment assessment) =>
        [.. assessment.OfKind(FindingKind.Caution).Where(f => f.Severity == Severity.High).Select(f => f.RuleId).Distinct(StringComparer.Ordinal)];

    [Theory]
    [InlineData("en")]
    [InlineData("zh-Hans")]
    public void ForAssessment_AHighSeverityCaution_TheCautionsCardCountsItInItsSummaryNamesItAndMarksIt(string language)
    {
        // helper-161 leftover (QA157 Q2): the result page's verdict box names the high-severity cautions (hold or defer until
        // weighed); the cautions card gave no severity at all, so an EHR read 20 mg of diazepam a day (MED-006, high) as the
        // moderate cautions beside it.
        using var culture = new UiCulture(language);
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(ActiveIdeationSafetyNetComplete));
        var plain = ScreeningEngine.Evaluate(read.Request.ToHistory(), RuleSetCatalog.Current);
        read.Request[Fields.BenzodiazepineDiazepamEquivalentMg] = 20m;
        var history = read.Request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var high = HighSeverityCautionIds(assessment);
        Assert.Contains("MED-006", high);
        Assert.DoesNotContain("MED-006", HighSeverityCautionIds(plain));
        var count = assessment.OfKind(FindingKind.Caution).Count();

        var cautions = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, NotRecordedSummary.Of(assessment, history), null), c => c.Indicator == "warning");

        var med006 = ClinicalText.Shared.FindingSummary(assessment.OfKind(FindingKind.Caution).First(f => f.RuleId == "MED-006"));
        if (language == "en")
        {
            Assert.Equal($"Ketamine: {count} cautions to weigh, {high.Count} of high severity: hold or defer until weighed", cautions.Summary);
            Assert.StartsWith(HighSeverityHeading + string.Join(", ", high) + ". This rests on the fact base's candidate rules", cautions.Detail, StringComparison.Ordinal);
            Assert.Contains("### High severity: " + med006 + "\n\n", cautions.Detail, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal($"氯胺酮：有 {count} 项注意事项需权衡，其中 {high.Count} 项为高严重程度：权衡前请暂缓或推迟", cautions.Summary);
            Assert.StartsWith("**高严重程度的注意事项：请先暂缓或推迟治疗，直到您逐项权衡并记录了您的决定。** 下文已标出：" + string.Join("、", high) + "。", cautions.Detail, StringComparison.Ordinal);
            Assert.Contains("### 高严重程度：" + med006 + "\n\n", cautions.Detail, StringComparison.Ordinal);
        }

        // A moderate caution's heading is not marked.
        var moderate = assessment.OfKind(FindingKind.Caution).Where(f => f.Severity != Severity.High).ToList();
        Assert.All(moderate, f => Assert.Contains("### " + ClinicalText.Shared.FindingSummary(f) + "\n\n", cautions.Detail, StringComparison.Ordinal));
        Assert.InRange(cautions.Summary.Length, 1, CardTexts.MaxSummaryLength);
    }

    public static TheoryData<string> HistoriesWithCareItemsBlank() => ["required-only", "open-bp", "open-liver", "open-both", "bp-182-112-liver-blank"];

    [Theory]
    [MemberData(nameof(HistoriesWithCareItemsBlank))]
    public void ForAssessment_AnyCardNamingBloodPressureOrHepaticStatusNotRecorded_NamesThemUnderTheHeading(string name)
    {
        var (assessment, summary) = name switch
        {
            "open-bp" => OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp),
            "open-liver" => OpenWithout(RuleSetCatalog.Current, Fields.HepaticImpairment),
            "open-both" => OpenWithout(RuleSetCatalog.Current, Fields.SystolicBp, Fields.DiastolicBp, Fields.HepaticImpairment),
            _ => Evaluated(name == "required-only" ? Requests.OnlyTheRequiredAnswers() : BloodPressure182Over112()),
        };
        Assert.NotEmpty(summary.BeforeFirstDose);

        foreach (var orderSign in new[] { false, true })
        {
            var cards = new CardBuilder("http://localhost", orderSign).ForAssessment(assessment, summary, Prefill);
            var naming = cards.Where(c => summary.BeforeFirstDose.Any(b => c.Detail.Contains(ClinicalText.Shared.FindingSummary(b.Finding), StringComparison.Ordinal))).ToList();
            Assert.NotEmpty(naming);
            Assert.All(naming, c => Assert.Contains(BeforeFirstDoseHeading + "\n\n" + CardTexts.BeforeFirstDoseNote(summary.BeforeFirstDoseNote()), c.Detail, StringComparison.Ordinal));
            Assert.All(cards, c => Assert.InRange(c.Summary.Length, 1, 140));
        }

        static (Assessment, NotRecordedSummary) Evaluated(ScreeningRequest request)
        {
            var history = request.ToHistory();
            var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
            return (assessment, NotRecordedSummary.Of(assessment, history));
        }
    }

    [Fact]
    public void ForAssessment_APathwayIsOpen_TheNotRecordedCardSaysTheDoseWaitsForBloodPressureAndHepaticStatus()
    {
        var (assessment, summary) = OpenWithBloodPressureAndLiverNotRecorded();

        var card = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, Prefill), c => c.Links is not null);

        Assert.DoesNotContain("incomplete", card.Summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(
            BeforeFirstDoseHeading + "\n\n"
                + "A pathway is open without these answers, but no dose is given until they are known: an answer could still rule treatment out.\n\n"
                + "- Systolic blood pressure\n- Diastolic blood pressure\n- Hepatic impairment\n\n"
                + "Blood pressure not recorded: measure it before every dose, and do not dose until it is known. (Cites: P-SAFETY-REMS, SPRAVATO-PI-US. Rule CV-004.) "
                + "Hepatic status not recorded: assess liver function (Child-Pugh) before treatment. (Cites: SPRAVATO-PI-US, ASRA-KETAMINE-PAIN-2018. Rule HEP-003.)",
            card.Detail,
            StringComparison.Ordinal);
        // Nothing else calls for care here: no care heading that would name them again.
        Assert.Empty(summary.OtherCareItems);
        Assert.DoesNotContain(CareHeading, card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void ForAssessment_InChinese_TheCareItemsTheFirstDoseWaitsForHaveTheResultPagesChineseHeading()
    {
        using var chinese = new UiCulture("zh-Hans");
        var (assessment, summary) = OpenWithBloodPressureAndLiverNotRecorded();

        var card = Assert.Single(new CardBuilder("http://localhost", false).ForAssessment(assessment, summary, Prefill), c => c.Links is not null);

        var labels = string.Join("\n", new[] { Fields.SystolicBp.Name, Fields.DiastolicBp.Name, Fields.HepaticImpairment.Name }.Select(n => "- " + ClinicalText.Shared.FieldLabel(n)));
        Assert.Contains(
            "**首剂前必须明确：**\n\n已有路径开放，但在这些回答明确之前不得给药：其回答仍可能排除治疗。\n\n" + labels + "\n\n"
                + ClinicalText.Shared.FindingSummary(summary.BeforeFirstDose[0].Finding) + "（依据：P-SAFETY-REMS、SPRAVATO-PI-US。规则 CV-004。）",
            card.Detail,
            StringComparison.Ordinal);
        Assert.Contains("规则 HEP-003。）", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Must be known", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("**未记录时需谨慎的项目：**", card.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_TheRulesCannotRun_NamesBloodPressureAndHepaticStatusAsMustBeKnownBeforeTheFirstDose()
    {
        // Before the rules can run no finding has fired. QA281 F8: the card cites the rules that say each item is not recorded
        // (CV-004, HEP-003), as the result page does for the same items; it cited the contraindications an answer could show
        // (CV-003, HEP-001), so the card and the page named different rules for one item.
        string[] names = [Fields.OnOpioids.Name, Fields.SystolicBp.Name, Fields.DiastolicBp.Name, Fields.HepaticImpairment.Name];

        var card = new CardBuilder("http://localhost", false).Incomplete(CardBuilder.CurrentVersion, ["Age"], [], [], names, Prefill);

        var rules = RuleSetCatalog.Current.Rules.Where(r => r.Id is "CV-004" or "HEP-003").ToList();
        Assert.Equal(2, rules.Count);
        Assert.Contains(
            BeforeFirstDoseHeading + "\n\n"
                + "No pathway waits for these answers, but no dose is given until they are known: an answer could still rule treatment out.\n\n"
                + "- Systolic blood pressure\n- Diastolic blood pressure\n- Hepatic impairment\n\n"
                + CardTexts.Cites(rules.SelectMany(r => r.Principles).Distinct().Where(p => p != KetamineCds.Domain.Principles.Citations.SafetyRems), rules.SelectMany(r => r.Sources).Distinct()) + " Rule CV-004. Rule HEP-003.\n\n",
            card.Detail,
            StringComparison.Ordinal);
        // Helper 289: P-SAFETY-REMS (CV-004 cites it) is cited once, on the card's last line, as what the card as a whole rests on.
        Assert.EndsWith("\n\nThe card as a whole cites: P-SAFETY-REMS. Each other key is cited once, after a list it backs.\n\n" + CardTexts.SupportsNotReplaces, card.Detail, StringComparison.Ordinal);
        Assert.Equal("- On opioids", CareSection(card.Detail));
        Assert.Equal("Ketamine screening incomplete: 5 items are not recorded in the chart", card.Summary);
    }

    [Fact]
    public void ForAssessment_NothingNotRecorded_AddsNoNotRecordedCard()
    {
        var history = new PatientHistory
        {
            PatientReference = "MRN-X",
            AgeYears = 45,
            PrimaryDiagnosis = PrimaryDiagnosis.Ptsd,
            CurrentDepressiveEpisode = false,
            FailedAdequateTrials = 0,
            OnOralAntidepressant = false,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
        };
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.V1_0_0);

        var cards = new CardBuilder("http://localhost", false).ForAssessment(assessment, NotRecordedSummary.Of(assessment), null);

        Assert.DoesNotContain(cards, c => c.Links is not null || c.Summary.Contains("not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void ForAssessment_InChinese_NamesTheQuestionsInChineseWithinTheSpecsLimits()
    {
        using var chinese = new UiCulture("zh-Hans");
        var (_, notRecorded, cards) = Answer(BloodPressure182Over112());

        var card = cards[^1];
        Assert.Equal("氯胺酮筛查：有 9 个安全问题未记录，每一项都可能阻止路径", card.Summary);
        Assert.InRange(card.Summary.Length, 1, 140);
        Assert.Contains("**未回答、可能阻止路径的安全问题：**", card.Detail, StringComparison.Ordinal);
        Assert.Contains("已记录的禁忌证或未满足的前提条件已使各路径目前不符合条件", card.Detail, StringComparison.Ordinal);
        Assert.Contains("- " + ClinicalText.Shared.FieldLabel(Fields.AneurysmalVascularDisease), card.Detail, StringComparison.Ordinal);
        Assert.All(notRecorded.SafetyQuestions, i => Assert.Contains("- " + i.Label, card.Detail, StringComparison.Ordinal));
        Assert.DoesNotContain("Aneurysmal vascular disease", card.Detail, StringComparison.Ordinal);
        Assert.Contains("依据：", card.Detail, StringComparison.Ordinal);
        Assert.Equal("在 KetamineCds 中完成筛查（已根据病历预填）", card.Links![0].Label);
    }

    [Fact]
    public void ForAssessment_AFindingWithSeveralInputs_SeparatesThemAsTheReadersLanguageDoes()
    {
        // The inputs behind a finding were joined with "; " in Chinese too; every page separates them with the
        // language's own semicolon (ClinicalText.Semicolon: "; " in English, "；" in Chinese).
        var request = ActiveIdeationWithoutASafetyNet();
        request[Fields.SystolicBp] = 182;
        request[Fields.DiastolicBp] = 112;
        var (assessment, _, english) = Answer(request);
        var several = assessment.Findings.Where(f => f.Kind is FindingKind.Contraindication or FindingKind.Caution && f.Because.Count > 1).ToList();
        Assert.NotEmpty(several);
        var englishDetail = string.Join("\n", english.Select(c => c.Detail));
        Assert.All(several, f => Assert.Contains("Because: " + string.Join("; ", f.Because.Select(Display.Because)) + "\n", englishDetail, StringComparison.Ordinal));

        using var chinese = new UiCulture("zh-Hans");
        var detail = string.Join("\n", Answer(request).Cards.Select(c => c.Detail));
        Assert.All(several, f => Assert.Contains("依据的输入：" + string.Join("；", f.Because.Select(Display.Because)) + "\n", detail, StringComparison.Ordinal));
        var because = detail.Split('\n').Where(l => l.StartsWith("依据的输入：", StringComparison.Ordinal)).ToList();
        Assert.Equal(assessment.Findings.Count(f => f.Kind is FindingKind.Contraindication or FindingKind.Caution && f.Because.Count > 0), because.Count);
        Assert.All(because, l => Assert.DoesNotContain("; ", l, StringComparison.Ordinal));
    }

    /// <summary>
    /// QA13 M1: an MDD history with active ideation, intent and behaviour answered no, the safety net complete (eligible for
    /// the suicidal-ideation pathway). Any item whose absence matters that it leaves out (a care or safety field added to
    /// the catalogue later) is recorded with its ordinary answer (<see cref="CompleteScreeningBodies"/>, QA121 F4).
    /// </summary>
    private static readonly string ActiveIdeationSafetyNetComplete = CompleteScreeningBodies.WithEveryItemRecorded("""
        {"patientReference":"MRN-M1","ageYears":45,"sexAtBirth":"male","jurisdiction":"us","primaryDiagnosis":"mdd","currentDepressiveEpisode":true,
         "failedAdequateTrials":0,"distinctMechanisms":0,"onOralAntidepressant":true,"oralAntidepressantClass":"ssri","currentManiaOrMixedFeatures":false,
         "psychosis":"none","suicidality":"active-ideation","safetyPlanInPlace":true,"lethalMeansCounselled":true,"followUpArranged":true,
         "suicidalIntent":false,"preparatoryActsOrAbortedAttempt":false,"breastfeeding":false,"lifeLimitingIllness":false,"chronicNeuropathicPain":false,
         "onOpioids":false,"opioidInducedHyperalgesia":false,"onNaltrexone":false,"benzodiazepineDiazepamEquivalentMg":0,"onPsychostimulantOrMaoi":false,
         "substanceUse":"none","otherCnsDepressants":false,"aneurysmalVascularDisease":false,"arteriovenousMalformation":false,
         "intracerebralHemorrhageHistory":false,"hypersensitivityToKetamine":false,"seriousCardiovascularOrCerebrovascularCondition":false,
         "recentMyocardialInfarctionOrStroke":false,"otherCardiovascularOrCerebrovascularDisease":false,"hypertensiveEncephalopathyHistory":false,
         "respiratoryDiseaseOrSleepApnea":false,"cognitiveImpairment":false,"urinaryTractSymptoms":false,"systolicBp":120,"diastolicBp":80,
         "hepaticImpairment":"none","phq9Total":18,"phq9Item9":0}
        """);

    [Fact]
    public void ForAssessment_Eligible_ListsEveryHighSeverityInformationFindingTheResultPageShows()
    {
        // QA13 M1: the eligible card listed the open pathways and requirements only; the label's Limitations of Use
        // (SUI-006: esketamine does not prevent suicide nor replace hospitalisation) never reached the EHR.
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(ActiveIdeationSafetyNetComplete));
        Assert.Empty(read.Errors);
        var (assessment, _, cards) = Answer(read.Request);

        // From rule set 1.9.0 recorded suicidality below imminent risk is a caution (SUI-014): eligible with cautions.
        Assert.Equal(Verdict.EligibleWithCautions, assessment.Overall);
        Assert.Contains(assessment.Findings, f => f.RuleId == "SUI-014");
        var card = Assert.Single(cards, c => c.Summary.StartsWith("Ketamine screening: eligible with cautions for", StringComparison.Ordinal));
        var important = assessment.OfKind(FindingKind.Information).Where(f => f.Severity == Severity.High).ToList();
        Assert.Contains(important, f => f.RuleId == "SUI-006");
        Assert.Contains(important, f => f.RuleId == "SUI-001");
        Assert.Contains("**Information of high severity (as on the result page):**", card.Detail, StringComparison.Ordinal);
        foreach (var finding in important)
        {
            Assert.Contains($"- {ClinicalText.Shared.FindingSummary(finding)} ({CardTexts.Cites(finding.Principles, finding.Sources)} Rule {finding.RuleId}.)", card.Detail, StringComparison.Ordinal);
        }

        // The low-severity information (the research markers) stays on the result page.
        Assert.Contains(assessment.OfKind(FindingKind.Information), f => f.Severity != Severity.High);
        Assert.All(assessment.OfKind(FindingKind.Information).Where(f => f.Severity != Severity.High),
            f => Assert.DoesNotContain(ClinicalText.Shared.FindingSummary(f), card.Detail, StringComparison.Ordinal));
        Assert.EndsWith(CardTexts.SupportsNotReplaces, card.Detail, StringComparison.Ordinal);

        using var chinese = new UiCulture("zh-Hans");
        var zh = Assert.Single(Answer(read.Request).Cards, c => c.OverrideMeans == KetamineCds.Infrastructure.DecisionLog.OverrideDecision.DoNotProceed);
        Assert.Contains("**高严重程度的信息（与结果页相同）：**", zh.Detail, StringComparison.Ordinal);
        Assert.Contains(ClinicalText.Shared.FindingSummary(important.Single(f => f.RuleId == "SUI-006")), zh.Detail, StringComparison.Ordinal);
        Assert.InRange(zh.Summary.Length, 1, 140);
    }

    // Helper 252 (QA247): with no pathway open or waiting, the cautions card framed CV-002's "today's session" no more than the
    // result page did; it now opens with the page's lead line, and a card with an open pathway does not.
    [Theory]
    [InlineData(0, true)]
    [InlineData(3, false)]
    public void ForAssessment_NoPathwayOpenOrWaiting_FramesTheCautionsCard(int failedTrials, bool framed)
    {
        var request = Requests.OnlyTheRequiredAnswers();
        request[Fields.FailedAdequateTrials] = failedTrials;
        request[Fields.SystolicBp] = 150;
        request[Fields.DiastolicBp] = 95;
        request[Fields.LifeLimitingIllness] = false; // else the palliative pathway waits for it (incomplete)

        var (assessment, _, cards) = Answer(request);
        Assert.Equal(framed, NoPathwayInView.Applies(assessment));

        Assert.Contains(assessment.Findings, f => f.RuleId == "CV-002");
        var cautions = Assert.Single(cards, c => c.Detail.Contains(ClinicalText.Shared.FindingSummary(assessment.Findings.First(f => f.RuleId == "CV-002")), StringComparison.Ordinal));
        Assert.Equal(framed, cautions.Detail.StartsWith(CardTexts.NoPathwayFrame, StringComparison.Ordinal));
    }

    // Helper 267 (QA F3): a PTSD history, every item recorded, is "Not indicated" while the investigational pathway is open as
    // investigational only; the card opened with "No pathway is open or waiting for this patient" beside that pathway's status.
    [Theory]
    [InlineData(true, PathwayStatus.InvestigationalOnly)]
    [InlineData(false, PathwayStatus.Incomplete)]
    public void ForAssessment_PtsdInvestigationalPathwayOpenOrWaiting_IsNotFramedAsNoPathway(bool maniaRecorded, PathwayStatus status)
    {
        var body = CompleteScreeningBodies.PtsdWithEveryItemRecorded("MRN-H267-CARD");
        if (!maniaRecorded)
        {
            body.Remove("currentManiaOrMixedFeatures");
        }

        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        Assert.Empty(read.Errors);
        var history = read.Request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Equal(Verdict.NotIndicated, assessment.Overall);
        Assert.Equal(status, assessment.Pathways.Single(p => p.Pathway == Pathway.InvestigationalPtsdOcd).Status);
        Assert.Contains(assessment.Findings, f => f.Kind is FindingKind.Caution or FindingKind.Requirement);

        var notRecorded = NotRecordedSummary.Of(assessment, history);
        var cards = new CardBuilder("http://localhost", false).ForAssessment(assessment, notRecorded, null);

        Assert.False(NoPathwayInView.Applies(assessment));
        Assert.NotEmpty(cards);
        Assert.All(cards, c => Assert.DoesNotContain(CardTexts.NoPathwayFrame, c.Detail, StringComparison.Ordinal));
    }

    // Helper 271: a PTSD history with the required answers only is "Not indicated" while the investigational pathway waits for
    // the mania question; the blood pressure and the hepatic status are blank too. The card listed that question as what the
    // pathway waits for, and under "Must be known before the first dose" said "No pathway waits for these answers" beside it.
    [Theory]
    [InlineData("en-GB", "The pathway waiting (PTSD / OCD) waits for other answers, not for these, but no dose is given until these are known: an answer could still rule treatment out.")]
    [InlineData("zh-Hans", "等待中的路径（PTSD / OCD）在等待其他回答，而非这些回答；但在这些回答明确之前不得给药：其回答仍可能排除治疗。")]
    public void ForAssessment_PtsdInvestigationalPathwayWaiting_TheFirstDoseSectionNamesItAsWaitingForOtherAnswers(string culture, string note)
    {
        using var language = new UiCulture(culture);
        var read = ScreeningJsonReader.Read(System.Text.Encoding.UTF8.GetBytes(CompleteScreeningBodies.PtsdRequiredAnswers("MRN-H271-CARD").ToJsonString()));
        Assert.Empty(read.Errors);
        var history = read.Request.ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Equal(Verdict.NotIndicated, assessment.Overall);
        Assert.Equal(PathwayStatus.Incomplete, assessment.Pathways.Single(p => p.Pathway == Pathway.InvestigationalPtsdOcd).Status);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        Assert.Equal([Pathway.InvestigationalPtsdOcd], notRecorded.BeforeAPathwayCanOpen.SelectMany(i => i.Pathways).Distinct());
        Assert.NotEmpty(notRecorded.BeforeFirstDose);

        var cards = new CardBuilder("http://localhost", false).ForAssessment(assessment, notRecorded, null);

        var withSection = cards.Where(c => c.Detail.Contains(CardTexts.BeforeFirstDoseHeading, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(withSection);
        Assert.All(withSection, c => Assert.Contains(CardTexts.BeforeFirstDoseHeading + "\n\n" + note + "\n\n", c.Detail, StringComparison.Ordinal));
        Assert.All(cards, c => Assert.DoesNotContain(ClinicalText.Shared.Message("Card.BeforeFirstDose.NoneWaiting"), c.Detail, StringComparison.Ordinal));
    }

    // Helper 279: a blood pressure of 182/112 (CV-003 blocks every pathway) with the hepatic status blank: the result page's
    // note under "Must be known before the first dose" says a contraindication already blocks every pathway (helper 262);
    // the card said "No pathway waits for these answers", as if these answers were all that stood before a first dose.
    [Theory]
    [InlineData("en-GB", "A recorded contraindication or unmet precondition already blocks every pathway. Were it resolved, still no dose is given until these answers are known: an answer could still rule treatment out.")]
    [InlineData("zh-Hans", "已记录的禁忌证或未满足的前提条件已阻止所有路径。即使其得到解决，在这些回答明确之前仍不得给药：其回答仍可能排除治疗。")]
    public void ForAssessment_EveryPathwayBlocked_TheFirstDoseSectionSaysSoAsTheResultPageDoes(string culture, string note)
    {
        using var language = new UiCulture(culture);
        var history = BloodPressure182Over112().ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        Assert.Equal(Verdict.NotEligibleNow, assessment.Overall);
        var notRecorded = NotRecordedSummary.Of(assessment, history);
        Assert.True(notRecorded.EveryPathwayBlocked);
        Assert.NotEmpty(notRecorded.BeforeFirstDose);

        foreach (var orderSign in new[] { false, true })
        {
            var cards = new CardBuilder("http://localhost", orderSign).ForAssessment(assessment, notRecorded, Prefill);

            var withSection = cards.Where(c => c.Detail.Contains(CardTexts.BeforeFirstDoseHeading, StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(withSection);
            Assert.All(withSection, c => Assert.Contains(CardTexts.BeforeFirstDoseHeading + "\n\n" + note + "\n\n", c.Detail, StringComparison.Ordinal));
            Assert.All(cards, c => Assert.DoesNotContain(ClinicalText.Shared.Message("Card.BeforeFirstDose.NoneWaiting"), c.Detail, StringComparison.Ordinal));
        }
    }

    // Helper 274 (QA272 F6): the chart's pregnancy against the clinician's latest screening's "not pregnant" (a correction):
    // the chart's answer, the more cautious, was used without a word, and the critical card stood against the screening
    // with nothing to say why. The disagreement card now names both, says the chart's answer is used while the chart
    // records it and what to correct, and cites what it cites for the other direction.
    [Fact]
    public void Disagreement_TheChartAnswersMoreCautiously_NamesBothAnswersTheOneUsedAndWhatToCorrect()
    {
        var builder = new CardBuilder("http://localhost", false);
        List<ChartDisagreement> chartMoreCautious = [new("pregnant", true, ["Observation/preg"], false, true) { ChartMoreCautious = true }];
        List<ChartDisagreement> screeningMoreCautious = [new("pregnant", false, ["Observation/preg"], true, true)];

        var card = builder.Disagreement(RuleSetCatalog.Current.Version, chartMoreCautious, "S-1", new DateOnly(2026, 12, 1));
        var other = builder.Disagreement(RuleSetCatalog.Current.Version, screeningMoreCautious, "S-1", new DateOnly(2026, 12, 1));

        Assert.Equal(("warning", "The chart and the clinician's screening disagree: check Pregnant"), (card.Indicator, card.Summary));
        Assert.StartsWith("The chart answers more cautiously than screening S-1, the clinician's latest, completed in KetamineCds on 2026-12-01.", card.Detail, StringComparison.Ordinal);
        Assert.Contains("correct the chart entry named in the EHR.", card.Detail, StringComparison.Ordinal);
        Assert.Contains("- **Pregnant**: the chart records Yes (Observation/preg); the screening recorded No. Used: Yes, the chart's answer, the more cautious.", card.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("less cautiously", card.Detail, StringComparison.Ordinal);
        // The same citations and rule page as the card for the other direction (REP-001 reads the pregnancy).
        static string Cites(Card c) => c.Detail.Split("\n\n").Single(p => p.StartsWith("Cites: ", StringComparison.Ordinal));
        Assert.Equal(Cites(other), Cites(card));
        Assert.Contains("SPRAVATO-PI-US", Cites(card), StringComparison.Ordinal);
        Assert.Equal(other.Source, card.Source);
        Assert.EndsWith("#REP-001", card.Source.Url, StringComparison.Ordinal);
        Assert.EndsWith(CardTexts.SupportsNotReplaces, card.Detail, StringComparison.Ordinal);

        // Both directions on one card: each opening once, each field with its own words.
        List<ChartDisagreement> both =
        [
            new("pregnant", true, ["Observation/preg"], false, true) { ChartMoreCautious = true },
            new("aneurysmalVascularDisease", false, ["Condition/c-aaa"], true, true),
        ];
        var mixed = builder.Disagreement(RuleSetCatalog.Current.Version, both, "S-1", new DateOnly(2026, 12, 1)).Detail;
        Assert.Contains("The chart answers less cautiously than screening S-1", mixed, StringComparison.Ordinal);
        Assert.Contains("The chart answers more cautiously than screening S-1", mixed, StringComparison.Ordinal);
        Assert.Contains("- **Aneurysmal vascular disease**: the chart records No (Condition/c-aaa); the screening recorded Yes. Used: Yes.", mixed, StringComparison.Ordinal);

        using var chinese = new UiCulture("zh-Hans");
        var zh = builder.Disagreement(RuleSetCatalog.Current.Version, chartMoreCautious, "S-1", new DateOnly(2026, 12, 1));
        Assert.StartsWith("病历的回答比临床医生最近的筛查 S-1（2026-12-01 在 KetamineCds 中完成）更谨慎。", zh.Detail, StringComparison.Ordinal);
        Assert.Contains("- **妊娠**：病历记录为是（Observation/preg）；该筛查记录为否。采用：是，即病历的回答（更谨慎的回答）。", zh.Detail, StringComparison.Ordinal);
        Assert.InRange(zh.Summary.Length, 1, 140);
    }

    /// <summary>
    /// Helper 306 ("PAL-001 on no card"): with a life-limiting illness and a prognosis of 6 weeks, everything else recorded,
    /// the palliative pathway is open and PAL-001, its indication rule (information, moderate severity), fires. By design no
    /// card names it (docs/fhir-mapping.md, "Findings the cards do not name"): the eligible card lists the open pathway by its
    /// name, which says it is off-label, the requirements in full and only the information findings of high severity (the
    /// limits of what an open pathway means, QA13 M1), as it does for BIP-001 and INV-001, the other off-label pathways'
    /// indications. The result page, linked from the card, names it. Pinned so that a change is a decision, not an accident.
    /// </summary>
    [Fact]
    public void ForAssessment_PalliativePathwayOpen_Pal001IsOnNoCardAndTheEligibleCardNamesThePathwayOffLabel()
    {
        var body = CompleteScreeningBodies.WithEveryItemRecorded(CompleteScreeningBodies.Item9AssessmentRecordedNotDone("MRN-H306-PAL"));
        body["phq9Item9"] = 0;
        body.Remove("suicideRiskAssessedAfterItem9");
        body["lifeLimitingIllness"] = true;
        body["prognosisWeeks"] = 6;
        body["failedAdequateTrials"] = 0;
        body["distinctMechanisms"] = 0;
        var history = ScreeningJsonReader.ReadStored(body.ToJsonString()).ToHistory();
        var assessment = ScreeningEngine.Evaluate(history, RuleSetCatalog.Current);
        var notRecorded = NotRecordedSummary.Of(assessment, history);

        var cards = new CardBuilder("http://localhost", false) { History = history }.ForAssessment(assessment, notRecorded, null);

        var pal001 = Assert.Single(assessment.Findings, f => f.RuleId == "PAL-001");
        Assert.Equal(FindingKind.Information, pal001.Kind);
        Assert.NotEqual(Severity.High, pal001.Severity);
        Assert.False(CardBuilder.Names(assessment, pal001));
        var eligible = Assert.Single(cards);
        Assert.Equal("Ketamine screening: eligible for off-label palliative", eligible.Summary);
        Assert.Contains("- Off-label rapid-acting ketamine in palliative care: Eligible", eligible.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("PAL-001", eligible.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(ClinicalText.Shared.FindingSummary(pal001), eligible.Detail, StringComparison.Ordinal);
    }
}
