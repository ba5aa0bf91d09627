using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>The screening form's safety questions: Yes / No / Not known, the count of what is not recorded, pregnancy.</summary>
public sealed partial class NewScreeningFormTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public NewScreeningFormTests(KetamineCdsFactory factory) => _factory = factory;

    /// <summary>Only the answers the form marks required, with a patient reference the validator refuses so the form comes back.</summary>
    private static Dictionary<string, string> RequiredOnly(string age = "45", string sex = "") => new()
    {
        ["Input.PatientReference"] = "Jane Doe",
        ["Input.AgeYears"] = age,
        ["Input.SexAtBirth"] = sex,
        ["Input.Jurisdiction"] = "us",
        ["Input.PrimaryDiagnosis"] = "mdd",
        ["Input.CurrentDepressiveEpisode"] = "true",
        ["Input.FailedAdequateTrials"] = "3",
        ["Input.OnOralAntidepressant"] = "false",
        ["Input.Psychosis"] = "none",
        ["Input.Suicidality"] = "none",
    };

    private async Task<string> PostAsync(Dictionary<string, string> form)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string SafetyCount(string html) => SafetyCountBlock().Match(html).Value;

    [Theory]
    [InlineData("en-GB", "Patient", "Blood pressure today, before treatment", "Note")]
    [InlineData("zh-CN", "患者", "今日治疗前血压", "备注")]
    public async Task NewScreening_EachSection_IsAHeadingInsideItsLegend(string language, string first, string bloodPressure, string last)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language)).Content.ReadAsStringAsync());

        // QA113 F4: screen-reader users move between the form's sections by heading; the legend still names the group.
        var headings = Regex.Matches(html, "<fieldset class=\"section\">\\s*<legend><h2 class=\"section__title\">([^<]+)</h2></legend>")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Enum.GetValues<KetamineCds.Domain.Screening.FieldSection>().Length, headings.Count);
        Assert.Equal(first, headings[0]);
        Assert.Contains(bloodPressure, headings);
        Assert.Equal(last, headings[^1]);
    }

    [Theory]
    [InlineData("en-GB", "Not recorded", "Recorded as unknown", "Not known")]
    [InlineData("zh-CN", "未记录", "记录为未知", "不详")]
    public async Task NewScreening_SexAtBirth_TellsAnAnswerRecordedAsUnknownFromOneNotRecorded(string language, string empty, string unknown, string notKnown)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language)).Content.ReadAsStringAsync());

        // The contract's "unknown" (the chart's UNK: recorded as unknown) and the empty option (nothing recorded) are
        // two different answers, and must not read as two ways of saying "not known".
        var select = Regex.Match(html, "<select class=\"input\" id=\"sexAtBirth\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains($"<option value=\"\">{empty}</option>", select, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"unknown\">{unknown}</option>", select, StringComparison.Ordinal);
        Assert.DoesNotContain(notKnown, select, StringComparison.Ordinal);
        // Every other optional drop-down keeps "Not known" (the hepatic impairment has no "unknown" of its own).
        Assert.Contains($"<option value=\"\">{notKnown}</option>", Regex.Match(html, "<select class=\"input\" id=\"hepaticImpairment\".*?</select>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "\"", "\"", "Choose...", new[] { "Not known", "Not recorded" }, "(Sex at birth: \"Not recorded\")")]
    [InlineData("zh-CN", "“", "”", "请选择……", new[] { "不详", "未记录" }, "（出生性别：“未记录”）")]
    public async Task NewScreening_Introduction_NamesWhatTheControlsOfferForAnAnswerNotKnown(string language, string open, string close, string choose, string[] offered, string where)
    {
        // QA: the introduction said to answer "Not known", but sex at birth offers "Not recorded" (beside "Recorded as
        // unknown"). Every empty option and third radio the form offers for an answer not known is named in it.
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language)).Content.ReadAsStringAsync());

        var intro = Regex.Match(html, "<p class=\"lead\" id=\"form-intro\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
        var controls = Regex.Matches(html, "<option value=\"\">([^<]*)</option>").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(html, "<label for=\"[^\"]+-nr\">([^<]*)</label>").Select(m => m.Groups[1].Value))
            .Where(text => text != choose && !text.Contains(':', StringComparison.Ordinal) && !text.Contains('：', StringComparison.Ordinal)) // "Not recorded: US (FDA label) applies" says itself what it means
            .Distinct()
            .Order(StringComparer.Ordinal);
        Assert.Equal(offered.Order(StringComparer.Ordinal), controls);
        foreach (var text in offered)
        {
            Assert.Contains(open + text + close, intro, StringComparison.Ordinal);
        }

        Assert.Contains(where, intro, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-GB", "There are 2 problems to fix; nothing has been saved yet", "recorded")]
    [InlineData("zh-CN", "有 2 个问题需要修正；尚未保存任何内容", "记录")]
    public async Task NewScreening_Refused_ErrorSummarySaysNothingHasBeenSavedNotRecorded(string language, string heading, string notSaid)
    {
        // QA: "nothing has been recorded" read as "no answer was recorded" (or as a decision-log entry): it is "saved".
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = RequiredOnly();
        form["Input.AgeYears"] = "";
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/Screenings/New") { Content = new FormUrlEncodedContent(form) };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var title = Regex.Match(html, "<h2 id=\"error-summary-title\">(.*?)</h2>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Equal(heading, title);
        Assert.DoesNotContain(notSaid, title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aneurysmalVascularDisease")]
    [InlineData("recentMyocardialInfarctionOrStroke")]
    [InlineData("onNaltrexone")]
    [InlineData("urinaryTractSymptoms")]
    public async Task NewScreening_SafetyYesNo_OffersYesNoNotKnownWithNothingChecked(string field)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        var group = Regex.Match(html, $"<fieldset[^>]*id=\"{field}-group\".*?</fieldset>", RegexOptions.Singleline).Value;
        Assert.Contains($"<label for=\"{field}-yes\">Yes</label>", group, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"{field}-no\">No</label>", group, StringComparison.Ordinal);
        Assert.Contains($"<label for=\"{field}-nr\">Not known</label>", group, StringComparison.Ordinal);
        Assert.DoesNotContain("checked", group, StringComparison.Ordinal);
        Assert.DoesNotContain("Not recorded", group, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "Not recorded: US (FDA label) applies", "us", "Preset to the clinic's default, US (FDA label); change it if another label applies to this patient.")]
    [InlineData("zh-CN", null, "未记录：按美国（FDA 说明书）", "us", "已预选本诊所的默认设置：美国（FDA 说明书）；如该患者适用另一地区的说明书，请更改。")]
    [InlineData(null, "eu", "Not recorded: US (FDA label) applies", "eu", "Preset to the clinic's default, EU (SmPC); change it if another label applies to this patient.")]
    [InlineData("zh-CN", "eu", "未记录：按美国（FDA 说明书）", "eu", "已预选本诊所的默认设置：欧盟（产品特性概要 SmPC）；如该患者适用另一地区的说明书，请更改。")]
    public async Task NewScreening_ChoiceWithADefault_SaysWhatNotRecordedMeansAndShowsTheClinicsDefault(string? language, string? clinicJurisdiction, string emptyOption, string chosen, string clinicHint)
    {
        // QA7 F19: a clinic in the EU had to change the jurisdiction on every screening. The form now preselects the
        // clinic's (Clinic:Jurisdiction, default us) and says so; the contract's own default is unchanged.
        using var clinic = clinicJurisdiction is null ? null : new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:Jurisdiction"] = clinicJurisdiction } };
        var client = await (clinic ?? _factory).CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        using var response = await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language);
        var html = await response.Content.ReadAsStringAsync();

        // The catalogue's default (the jurisdiction: US) names the empty option, as the contract reads a jurisdiction not
        // recorded; the clinic's jurisdiction is chosen until the clinician changes it.
        var select = Regex.Match(html, "<select[^>]*id=\"jurisdiction\".*?</select>", RegexOptions.Singleline).Value;
        Assert.Contains($"<option value=\"\">{emptyOption}</option>", select, StringComparison.Ordinal);
        Assert.Matches($"<option value=\"{chosen}\" selected=\"selected\">", select);
        Assert.Single(Regex.Matches(select, "selected="));
        var hint = WebUtility.HtmlDecode(Regex.Match(html, "<p class=\"hint\" id=\"jurisdiction-hint\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value);
        Assert.EndsWith(clinicHint, hint, StringComparison.Ordinal);
        Assert.NotEqual(clinicHint, hint); // after the catalogue's help, which it does not replace

        // A choice without a default keeps the plain empty option.
        var sex = Regex.Match(html, "<select[^>]*id=\"sexAtBirth\".*?</select>", RegexOptions.Singleline).Value;
        Assert.DoesNotContain(emptyOption, sex, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_RequiredYesNoGroupNotAnswered_MarksEachOfItsRadiosInvalid()
    {
        // QA10a A11: the fieldset was described by the error, but its radios carried no aria-invalid.
        var form = RequiredOnly();
        form.Remove("Input.CurrentDepressiveEpisode");

        var html = await PostAsync(form);

        Assert.Matches("<fieldset [^>]*id=\"currentDepressiveEpisode-group\"[^>]*aria-describedby=\"[^\"]*currentDepressiveEpisode-error", html);
        Assert.Matches("<input type=\"radio\" id=\"currentDepressiveEpisode-yes\"[^>]*aria-invalid=\"true\"", html);
        Assert.Matches("<input type=\"radio\" id=\"currentDepressiveEpisode-no\"[^>]*aria-invalid=\"true\"", html);
        // A group answered is not marked.
        Assert.DoesNotMatch("<input type=\"radio\" id=\"onOralAntidepressant-(yes|no)\"[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task NewScreening_NotKnownChosen_IsStillCheckedWhenTheFormComesBack()
    {
        var form = RequiredOnly();
        form["Input.AneurysmalVascularDisease"] = "";
        form["Input.ArteriovenousMalformation"] = "false";

        var html = await PostAsync(form);

        Assert.Matches("id=\"aneurysmalVascularDisease-nr\" name=\"Input.AneurysmalVascularDisease\" value=\"\" checked", html);
        Assert.Matches("id=\"arteriovenousMalformation-no\" name=\"Input.ArteriovenousMalformation\" value=\"false\" checked=\"checked\"", html);
        Assert.DoesNotMatch("id=\"intracerebralHemorrhageHistory-nr\"[^>]*checked", html);
    }

    [Fact]
    public async Task NewScreening_RequiredAnswersOnly_CountsEveryUnrecordedSafetyQuestionWithLinks()
    {
        var html = await PostAsync(RequiredOnly());

        var count = SafetyCount(html);
        Assert.Contains("25 safety questions are not recorded (10 could block a pathway): no pathway can open while a question that could block it is not recorded.", count, StringComparison.Ordinal);
        foreach (var anchor in new[] { "pregnant-yes", "aneurysmalVascularDisease-yes", "recentMyocardialInfarctionOrStroke-yes", "otherCardiovascularOrCerebrovascularDisease-yes", "substanceUse", "systolicBp", "hepaticImpairment", "urinaryTractSymptoms-yes", "raisedIntraocularPressure-yes" })
        {
            Assert.Contains($"href=\"#{anchor}\"", count, StringComparison.Ordinal);
        }

        // Helper 310: the life-limiting illness, which the palliative pathway waits for while it is not recorded (REC-005;
        // P-PALLIATIVE, PAL-001), is counted and marked with the questions that could block a pathway, as the result page
        // lists it under "Must be answered before a pathway can open".
        Assert.Contains("<a href=\"#lifeLimitingIllness-yes\">Life-limiting illness</a> (could block a pathway)</li>", count, StringComparison.Ordinal);

        Assert.DoesNotContain("href=\"#oralAntidepressantClass\"", count, StringComparison.Ordinal); // not on an antidepressant: not asked
        Assert.DoesNotContain("href=\"#suicidalIntent-yes\"", count, StringComparison.Ordinal); // no suicidality: not asked
    }

    [Fact]
    public async Task NewScreening_AnsweringSafetyQuestions_LowersTheCount()
    {
        var form = RequiredOnly(sex: "male");
        foreach (var field in new[] { "AneurysmalVascularDisease", "ArteriovenousMalformation", "IntracerebralHemorrhageHistory", "HypersensitivityToKetamine" })
        {
            form[$"Input.{field}"] = "false";
        }

        form["Input.RecentMyocardialInfarctionOrStroke"] = ""; // Not known is still not recorded

        var count = SafetyCount(await PostAsync(form));

        // Male: neither pregnancy nor breastfeeding is asked; four blocking questions answered.
        Assert.Contains("19 safety questions are not recorded (5 could block a pathway)", count, StringComparison.Ordinal);
        Assert.Contains("href=\"#recentMyocardialInfarctionOrStroke-yes\"", count, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#pregnant-yes\"", count, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#aneurysmalVascularDisease-yes\"", count, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "45", true)]
    [InlineData("unknown", "30", true)]
    [InlineData("intersex", "55", true)]
    [InlineData("female", "12", true)]
    [InlineData("male", "30", false)]
    [InlineData("", "60", false)]
    [InlineData("female", "11", false)]
    public async Task NewScreening_PregnancyQuestion_IsAskedWheneverThePatientCouldBePregnant(string sex, string age, bool asked)
    {
        var count = SafetyCount(await PostAsync(RequiredOnly(age, sex)));

        Assert.Equal(asked, count.Contains("href=\"#pregnant-yes\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewScreening_PregnancySection_IsShownForAnySexButMaleAged12To55()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        Assert.Contains("data-show-when=\"Input.SexAtBirth!=male;Input.AgeYears:12-55\" id=\"pregnant-asked\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-show-when=\"Input.SexAtBirth=female\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"pregnant-nr\">Not known</label>", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// QA272 F3: every conditional question carried <c>data-keep-yes=""</c> (Razor writes a data- attribute whose value is
    /// null as empty), and site.js kept the hidden yes of the safety net, the mood stabilizer's level and the risk assessment
    /// after item 9 shown, with no note, and sent it. Only a question whose yes is the more cautious answer carries it, with
    /// its note.
    /// </summary>
    [Fact]
    public async Task NewScreening_KeepYes_IsWrittenOnlyForAQuestionWhoseYesIsTheMoreCautiousAnswer()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        var sections = Regex.Matches(html, "<div class=\"conditional\"[^>]*>")
            .ToDictionary(m => Regex.Match(m.Value, "id=\"([^\"]+)-asked\"").Groups[1].Value, m => m.Value);
        var keeps = sections.Where(s => s.Value.Contains("data-keep-yes", StringComparison.Ordinal)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["breastfeeding", "pregnant", "preparatoryActsOrAbortedAttempt", "suicidalIntent"], keeps);
        foreach (var name in keeps)
        {
            Assert.Contains("data-keep-yes=\"Recorded yes although the other answers do not ask this question: check it before sending.\"", sections[name], StringComparison.Ordinal);
        }

        foreach (var name in new[] { "safetyPlanInPlace", "lethalMeansCounselled", "followUpArranged", "moodStabilizerOptimized", "suicideRiskAssessedAfterItem9" })
        {
            Assert.True(sections.ContainsKey(name), name);
            Assert.DoesNotContain("data-keep-yes", sections[name], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NewScreening_NewQuestions_AreShownWhenTheyApply()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync("/Screenings/New");

        Assert.Matches("data-show-when=\"Input.Suicidality=active-ideation,active-ideation-with-plan\"[^>]*>\\s*<fieldset[^>]*id=\"suicidalIntent-group\"", html);
        Assert.Matches("data-show-when=\"Input.SubstanceUse=in-remission,active\"[^>]*>\\s*<fieldset[^>]*id=\"substancesUsed-group\"", html);
        // Only the EU label reads the antidepressant's class: asked under that jurisdiction only.
        Assert.Matches("data-show-when=\"Input.OnOralAntidepressant=true;Input.Jurisdiction=eu\"[^>]*>\\s*<div class=\"field\"[^>]*>\\s*<label for=\"oralAntidepressantClass\"", html);
        Assert.Contains("<option value=\"history-untreated\">", html, StringComparison.Ordinal);
        Assert.Contains("type=\"checkbox\" id=\"substancesUsed-ketamine-or-pcp\" name=\"Input.SubstancesUsed\" value=\"ketamine-or-pcp\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_RequiredByOtherAnswers_DoesNotOfferNotKnown()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var blank = await client.GetStringAsync("/Screenings/New");

        // Offered while nothing makes pregnancy status required, with the condition that hides it in the browser.
        Assert.Matches("<div class=\"radio\" data-hide-when=\"Input.SexAtBirth=female;Input.AgeYears:12-55\"><input type=\"radio\" id=\"pregnant-nr\"", blank);
        Assert.Matches("<div class=\"radio\" data-hide-when=\"\"><input type=\"radio\" id=\"breastfeeding-nr\"", blank);

        // A female patient of 30, "Not known" posted: the form comes back asking for yes or no, without offering it again.
        var form = RequiredOnly("30", "female");
        form["Input.Pregnant"] = "";
        var html = await PostAsync(form);

        Assert.Contains("Record whether the patient is pregnant", html, StringComparison.Ordinal);
        Assert.Matches("<div class=\"radio\" data-hide-when=\"[^\"]*\" hidden=\"hidden\"><input type=\"radio\" id=\"pregnant-nr\" name=\"Input.Pregnant\" value=\"\" disabled=\"disabled\">", html);
        Assert.Matches("<div class=\"radio\" data-hide-when=\"\"><input type=\"radio\" id=\"breastfeeding-nr\"", html);
    }

    [Theory]
    [InlineData("30", "female", true)]
    [InlineData("30", "intersex", false)]
    [InlineData("30", "", false)]
    [InlineData("60", "female", false)]
    public async Task NewScreening_PregnancyRequiredByOtherAnswers_IsMarkedRequiredExactlyWhenTheyHold(string age, string sex, bool required)
    {
        var html = await PostAsync(RequiredOnly(age, sex));

        // The mark carries the contract's condition (site.js keeps it live); the server shows it when it holds now.
        var mark = "<legend>Pregnant <span class=\"required\" data-required-when=\"Input.SexAtBirth=female;Input.AgeYears:12-55\"" + (required ? "" : " hidden=\"hidden\"") + ">(required)</span></legend>";
        Assert.Contains(mark, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Input.PrimaryDiagnosis", "bipolar-i", "<label for=\"moodStabilizer\">Mood stabilizer <span class=\"required\" data-required-when=\"Input.PrimaryDiagnosis=bipolar-i,bipolar-ii\">(required)</span></label>")]
    [InlineData("Input.Suicidality", "passive-ideation", "<legend>Safety plan in place <span class=\"required\" data-required-when=\"Input.Suicidality=passive-ideation,active-ideation,active-ideation-with-plan,recent-attempt\">(required)</span></legend>")]
    [InlineData("Input.Suicidality", "recent-attempt", "<legend>Immediate follow-up arranged <span class=\"required\" data-required-when=\"Input.Suicidality=passive-ideation,active-ideation,active-ideation-with-plan,recent-attempt\">(required)</span></legend>")]
    [InlineData("Input.LifeLimitingIllness", "true", "<label for=\"prognosisWeeks\">Prognosis in weeks <span class=\"required\" data-required-when=\"Input.LifeLimitingIllness=true\">(required)</span></label>")]
    public async Task NewScreening_OtherQuestionRequiredByAnAnswer_IsMarkedRequired(string key, string value, string label)
    {
        var form = RequiredOnly();
        form[key] = value;

        var html = await PostAsync(form);

        Assert.Contains(label, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_MoodStabilizerForBipolarDisorder_OffersChooseRatherThanNotKnown()
    {
        var blank = await (await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync("/Screenings/New");
        var form = RequiredOnly();
        form["Input.PrimaryDiagnosis"] = "bipolar-ii";
        var html = await PostAsync(form);

        const string Option = "<option value=\"\" data-required-when=\"Input.PrimaryDiagnosis=bipolar-i,bipolar-ii\" data-text-required=\"Choose...\" data-text-optional=\"Not known\">";
        Assert.Contains(Option + "Not known</option>", blank, StringComparison.Ordinal);
        Assert.Contains(Option + "Choose...</option>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"moodStabilizer\">Mood stabilizer <span class=\"required\" data-required-when=\"Input.PrimaryDiagnosis=bipolar-i,bipolar-ii\" hidden=\"hidden\">(required)</span></label>", blank, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task NewScreening_PregnancyPostedForAPatientMaleAtBirth_IsRefusedOnlyWhenYes(string pregnant, bool refused)
    {
        // Without JavaScript the hidden question is still on the page; a yes posted with "male" is a contradiction.
        var form = RequiredOnly("30", "male");
        form["Input.Pregnant"] = pregnant;

        var html = WebUtility.HtmlDecode(await PostAsync(form));

        Assert.Equal(refused, html.Contains("<p class=\"field-error\" id=\"pregnant-error\"><span class=\"visually-hidden\">Error: </span>Pregnant cannot be yes for a patient male at birth", StringComparison.Ordinal));
        Assert.Equal(refused, html.Contains("<a href=\"#pregnant-yes\">Pregnant cannot be yes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("27", "0", "3")]
    [InlineData("25", "0", "1")]
    [InlineData("26", "1", "2")]
    [InlineData("27", "3", null)]
    [InlineData("25", "1", null)]
    [InlineData("24", "0", null)]
    public async Task NewScreening_Phq9Item9BelowWhatTheTotalRequires_IsRefusedBesideItem9_AndWhatWasTypedIsKept(string total, string item9, string? least)
    {
        // QA157 F2: total 27 with item 9 = 0 and no suicidality read "Eligible: nothing calls for caution".
        var form = RequiredOnly();
        form["Input.Phq9Total"] = total;
        form["Input.Phq9Item9"] = item9;
        form["Input.SuicideRiskAssessedAfterItem9"] = item9 == "0" ? "" : "true";

        var html = WebUtility.HtmlDecode(await PostAsync(form));

        var message = $"PHQ-9 item 9 must be at least {least} with a total of {total}: the other eight items score at most 24 together.";
        if (least is null)
        {
            Assert.DoesNotContain("id=\"phq9Item9-error\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("must be at least", html, StringComparison.Ordinal);
            return;
        }

        Assert.Contains("<p class=\"field-error\" id=\"phq9Item9-error\"><span class=\"visually-hidden\">Error: </span>" + message + "</p>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#phq9Item9\">" + message + "</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"phq9Total-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"phq9Total\" name=\"Input.Phq9Total\" value=\"{total}\"", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"phq9Item9\" name=\"Input.Phq9Item9\" value=\"{item9}\"", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Helper 250: "Pregnant" offers only Yes and No when required, and a clinician who did not know might click No. Its help
    /// says to find out first, that the screening cannot be recorded without it, and that No is for a patient known not to
    /// be pregnant. The notice of answers kept says truthfully that signing out clears them (drafts.js drops them on
    /// purpose), as a change of language and signing in again after a time-out do not.
    /// </summary>
    [Theory]
    [InlineData("en-GB", "If her pregnancy status is not known, find it out (a pregnancy test, for example) before screening: the screening cannot be recorded without it, and No is only for a patient known not to be pregnant.", "signing out clears them")]
    [InlineData("zh-CN", "如不知道其是否妊娠，请在筛查前先查明（例如做妊娠试验）：没有此项回答无法记录筛查；“否”仅用于已知未妊娠的患者。", "退出登录会清除这些回答")]
    public async Task NewScreening_PregnancyHelpAndKeptAnswersNotice_SayWhatToDoAndWhatSigningOutDoes(string language, string pregnancyNotKnown, string signOut)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language)).Content.ReadAsStringAsync());

        Assert.EndsWith(pregnancyNotKnown, Regex.Match(html, "<p class=\"hint\" id=\"pregnant-hint\">([^<]*)</p>").Groups[1].Value, StringComparison.Ordinal);
        var kept = Regex.Match(html, "<p class=\"notice\" id=\"draft-restored\"[^>]*>([^<]*)</p>").Groups[1].Value;
        Assert.Contains(signOut, kept, StringComparison.Ordinal);
        Assert.DoesNotContain("a new sign-in", kept, StringComparison.Ordinal);
    }

    /// <summary>
    /// The notices drafts.js shows when it puts back the answers of a send the app refused before reading it: a send with no
    /// session cookie has its own, in the sign-in page's words (#not-signed-in-unsaved), never "your session had ended";
    /// an ended session or an expired form keeps the other. Both hidden until drafts.js shows one.
    /// </summary>
    [Theory]
    [InlineData("en-GB", "it reached the app without a signed-in session (for example, after signing out in another tab)", "your session had ended, or the form had expired")]
    [InlineData("zh-CN", "它到达系统时没有已登录的会话（例如在另一个标签页中退出登录之后）", "您的会话已结束，或表单已过期")]
    public async Task NewScreening_RefusedSendNotices_SayNoSessionApartFromAnEndedSession(string language, string noSession, string endedOrExpired)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = WebUtility.HtmlDecode(await (await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New", language)).Content.ReadAsStringAsync());

        var notSignedIn = Regex.Match(html, "<p class=\"notice\" id=\"draft-restored-not-signed-in\" role=\"status\" hidden>([^<]*)</p>");
        Assert.True(notSignedIn.Success);
        Assert.Contains(noSession, notSignedIn.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(endedOrExpired, notSignedIn.Groups[1].Value, StringComparison.Ordinal);
        var refused = Regex.Match(html, "<p class=\"notice\" id=\"draft-restored-refused\" role=\"status\" hidden>([^<]*)</p>").Groups[1].Value;
        Assert.Contains(endedOrExpired, refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_SubstancesTicked_AreKeptWhenTheFormComesBack()
    {
        var form = RequiredOnly();
        form["Input.SubstanceUse"] = "active";
        var pairs = form.ToList();
        pairs.Add(new("Input.SubstancesUsed", "alcohol"));
        pairs.Add(new("Input.SubstancesUsed", "opioids"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        pairs.Add(new("__RequestVerificationToken", await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New")));

        var html = await (await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(pairs))).Content.ReadAsStringAsync();

        Assert.Contains("id=\"substancesUsed-alcohol\" name=\"Input.SubstancesUsed\" value=\"alcohol\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"substancesUsed-opioids\" name=\"Input.SubstancesUsed\" value=\"opioids\" checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"substancesUsed-cannabis\" name=\"Input.SubstancesUsed\" value=\"cannabis\" checked", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task NewScreening_SubstanceUseWithNoSubstanceTicked_IsRecordedWithSubstancesNotRecorded(bool emptyValuePosted)
    {
        // The API refuses an empty substancesUsed list (QA12 G10); the form, whose unticked boxes send nothing (or, in a
        // hand-made post, an empty value), still records the screening, the substances not recorded (SUB-004 asks for them).
        var form = RequiredOnly();
        var reference = "MRN-FORM-NOSUBS-" + emptyValuePosted;
        form["Input.PatientReference"] = reference;
        form["Input.SubstanceUse"] = "in-remission";
        if (emptyValuePosted)
        {
            form["Input.SubstancesUsed"] = "";
        }

        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        using var response = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location));
        Assert.Contains(reference, result, StringComparison.Ordinal);
        Assert.Contains("SUB-004", result, StringComparison.Ordinal);
    }

    [GeneratedRegex("<div class=\"safety-count[^\"]*\" id=\"safety-count\".*?</ul>", RegexOptions.Singleline)]
    private static partial Regex SafetyCountBlock();
}

/// <summary>Re-screening: <c>/Screenings/New?from={id}</c> prefills from the stored input and links the new entry to the old one.</summary>
public sealed class RescreenTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public RescreenTests(KetamineCdsFactory factory) => _factory = factory;

    private async Task<(Guid Id, string Body)> CreateAsync(string reference)
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd(reference).With("aneurysmalVascularDisease", false).With("substanceUse", "active")
            .With("substancesUsed", new System.Text.Json.Nodes.JsonArray("alcohol")).With("clinicianNote", "First visit.");
        var response = await api.PostAsJsonAsync("/api/v1/screenings", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid(), body);
    }

    [Fact]
    public async Task NewScreening_FromARecordedScreening_IsPrefilledFromItsStoredInput()
    {
        var (id, _) = await CreateAsync("MRN-RESCREEN-FORM");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync($"/Screenings/New?from={id}");

        Assert.Contains($"Re-screen of screening <a href=\"/Screenings/{id}\">{id}</a>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"MRN-RESCREEN-FORM\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"aneurysmalVascularDisease-no\" name=\"Input.AneurysmalVascularDisease\" value=\"false\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"substancesUsed-alcohol\" name=\"Input.SubstancesUsed\" value=\"alcohol\" checked=\"checked\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"active\" selected=\"selected\">", html, StringComparison.Ordinal);
        // The earlier encounter's note is shown beside the box, never carried into the new screening (QA7 F5).
        Assert.DoesNotContain("First visit.</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("<blockquote class=\"note\">First visit.</blockquote>", html, StringComparison.Ordinal);
        Assert.Contains($"<input type=\"hidden\" name=\"from\" value=\"{id}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"#aneurysmalVascularDisease-yes\"", html, StringComparison.Ordinal); // answered: not counted
    }

    /// <summary>The form re-screening <paramref name="from"/> with the required answers, ready to post.</summary>
    private static Task<Dictionary<string, string>> RescreenFormAsync(HttpClient client, Guid from, string reference) => RescreenForms.RequiredAnswersAsync(client, from, reference);

    [Theory]
    [InlineData("en-GB", "</a> (recorded ", " UTC):")]
    [InlineData("zh-CN", "</a> （记录于 ", " UTC）")]
    public async Task RescreenPages_WhenTheEarlierScreeningWasRecorded_IsInTheBracketsOfThePagesLanguage(string language, string start, string end)
    {
        // QA: Chinese text in ASCII brackets; the form and the result page say when the earlier screening was recorded.
        var (id, _) = await CreateAsync("MRN-RESCREEN-BRACKETS-" + language);
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        using var form = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/New?from={id}", language);
        // A re-screen is of the same patient (QA8 F16).
        using var post = await client.PostAsync($"/Screenings/New?from={id}", new FormUrlEncodedContent(await RescreenFormAsync(client, id, "MRN-RESCREEN-BRACKETS-" + language)));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var rescreenId = post.Headers.Location!.OriginalString["/Screenings/".Length..];
        using var result = await Localization.CultureSelectionTests.GetAsync(client, $"/Screenings/{rescreenId}", language);

        foreach (var page in new[] { form, result })
        {
            var line = Regex.Match(WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()), "<p class=\"(?:lead|meta)\" id=\"rescreen-of\">(.*?)</p>", RegexOptions.Singleline).Groups[1].Value;
            Assert.Matches(Regex.Escape(start) + @"\d{4}-\d{2}-\d{2} \d{2}:\d{2}" + Regex.Escape(end), line);
        }
    }

    [Fact]
    public async Task NewScreening_FromAnEarlierScreening_LeavesOutTheAnswersThatNoLongerHoldAndNamesThem()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RESCREEN-DATED")
            .With("systolicBp", 132).With("diastolicBp", 84).With("phq9Total", 18).With("phq9Item9", 1).With("aneurysmalVascularDisease", false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        // The same day, later: every answer still holds.
        clock.Advance(TimeSpan.FromHours(8));
        var sameDay = await (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");
        Assert.Contains("id=\"systolicBp\" name=\"Input.SystolicBp\" value=\"132\"", sameDay, StringComparison.Ordinal);
        Assert.Contains("id=\"diastolicBp\" name=\"Input.DiastolicBp\" value=\"84\"", sameDay, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"not-carried-over\"", sameDay, StringComparison.Ordinal);
        Assert.Contains("(recorded 2026-11-20 09:00 UTC)", sameDay, StringComparison.Ordinal);

        // The next day: the blood pressure was today's, so it is measured again; the PHQ-9 (two weeks) still holds.
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");
        Assert.Matches("id=\"systolicBp\" name=\"Input.SystolicBp\"(?! value=)", nextDay); // no value
        Assert.Matches("id=\"diastolicBp\" name=\"Input.DiastolicBp\"(?! value=)", nextDay);
        Assert.Contains("id=\"phq9Total\" name=\"Input.Phq9Total\" value=\"18\"", nextDay, StringComparison.Ordinal);
        var notCarried = Regex.Match(nextDay, "<p class=\"lead\" id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.Contains("Systolic blood pressure, Diastolic blood pressure.", notCarried, StringComparison.Ordinal);
        Assert.DoesNotContain("PHQ-9", notCarried, StringComparison.Ordinal);
        Assert.Contains("id=\"aneurysmalVascularDisease-no\" name=\"Input.AneurysmalVascularDisease\" value=\"false\" checked=\"checked\"", nextDay, StringComparison.Ordinal);
        // What the patient is now (suicidality, the episode, the medicines) was yesterday's: asked again, never carried as
        // today's "none" or "no". The history (the aneurysm above, the diagnosis, the trials) still holds.
        foreach (var present in new[] { "Suicidality", "Current major depressive episode", "On an oral antidepressant", "Psychosis" })
        {
            Assert.Contains(present, notCarried, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("id=\"suicidality-none\" name=\"Input.Suicidality\" value=\"none\" checked", nextDay, StringComparison.Ordinal);
        Assert.DoesNotContain("Primary diagnosis", notCarried, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed adequate antidepressant trials", notCarried, StringComparison.Ordinal);

        // Past the PHQ-9's two weeks: the scores are left out too.
        clock.Advance(TimeSpan.FromDays(14));
        var later = await (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");
        Assert.Matches("id=\"phq9Total\" name=\"Input.Phq9Total\"(?! value=)", later);
        Assert.Contains("PHQ-9 total score", Regex.Match(later, "id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Urinary tract symptoms or cystitis", "Measure or ask again today.")]
    [InlineData("zh-CN", "尿路症状或膀胱炎", "请今天重新测量或询问。")]
    public async Task NewScreening_FromAnEarlierDaysScreening_AsksTheUrinarySymptomsAgainAndCarriesTheCognitiveImpairment(string language, string urinaryLabel, string askAgain)
    {
        // Clinical review section 24, question B: the urinary question asks about lower urinary tract symptoms now (the label
        // reports them more often on esketamine and asks that they be monitored; URO-001 asks at each visit), so yesterday's
        // "no" is not carried as today's. Cognitive impairment is a baseline condition (COG-001, R34) and is carried.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock);
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RESCREEN-URO-" + language)
            .With("urinaryTractSymptoms", false).With("cognitiveImpairment", false));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        // A new sign-in after each step of the clock: a session does not last the day.
        clock.Advance(TimeSpan.FromHours(8));
        using var sameDayResponse = await Localization.CultureSelectionTests.GetAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), $"/Screenings/New?from={id}", language);
        var sameDay = await sameDayResponse.Content.ReadAsStringAsync();
        Assert.Contains("id=\"urinaryTractSymptoms-no\" name=\"Input.UrinaryTractSymptoms\" value=\"false\" checked=\"checked\"", sameDay, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        using var nextDayResponse = await Localization.CultureSelectionTests.GetAsync(await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist), $"/Screenings/New?from={id}", language);
        var nextDay = WebUtility.HtmlDecode(await nextDayResponse.Content.ReadAsStringAsync());
        Assert.DoesNotContain("id=\"urinaryTractSymptoms-no\" name=\"Input.UrinaryTractSymptoms\" value=\"false\" checked", nextDay, StringComparison.Ordinal);
        var notCarried = Regex.Match(nextDay, "<p class=\"lead\" id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value;
        Assert.Contains(urinaryLabel, notCarried, StringComparison.Ordinal);
        Assert.Contains(askAgain, notCarried, StringComparison.Ordinal);
        Assert.Contains("id=\"cognitiveImpairment-no\" name=\"Input.CognitiveImpairment\" value=\"false\" checked=\"checked\"", nextDay, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_RescreenOfAnOverriddenScreening_ShowsTheEarlierDecisionsWithoutCarryingThem()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RESCREEN-OVERRIDDEN"));
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        await log.RecordOverrideAsync(new OverrideSubmission(id, OverrideDecision.DoNotProceed, OverrideReason.PatientPreference, "Patient declined <b>today</b>.", new Actor("u", KetamineCdsFactory.Psychiatrist, "Psychiatrist"), "corr-f21"));
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var rescreen = await client.GetStringAsync($"/Screenings/New?from={id}");
        var plain = await client.GetStringAsync("/Screenings/New");

        var box = Regex.Match(rescreen, "<div class=\"notice\" id=\"earlier-overrides\">.*?</div>", RegexOptions.Singleline).Value;
        Assert.Contains("Do not proceed", box, StringComparison.Ordinal);
        Assert.Contains("Patient declined &lt;b&gt;today&lt;/b&gt;.", box, StringComparison.Ordinal); // encoded, never markup
        Assert.Contains(KetamineCdsFactory.Psychiatrist, box, StringComparison.Ordinal);
        Assert.DoesNotContain("earlier-overrides", plain, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTC", true)]
    [InlineData("Asia/Shanghai", false)]
    public async Task NewScreening_FromAnEarlierScreening_CountsTodayInTheClinicsTimeZone(string timeZone, bool bloodPressureCarried)
    {
        // 00:30 UTC on Monday is 08:30 on Monday in Shanghai; 23:00 UTC on Monday is 07:00 on Tuesday there. In UTC both
        // are Monday, so Monday's blood pressure still reads as today's; in the clinic's own days it is yesterday's.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero));
        using var factory = new Infrastructure.ClockFactory(clock) { Settings = new Dictionary<string, string> { ["Clinic:TimeZone"] = timeZone } };
        var api = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-RESCREEN-ZONE").With("systolicBp", 132).With("diastolicBp", 84));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();

        clock.Advance(TimeSpan.FromHours(22.5));
        var html = await (await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");

        Assert.Equal(bloodPressureCarried, html.Contains("id=\"systolicBp\" name=\"Input.SystolicBp\" value=\"132\"", StringComparison.Ordinal));
        Assert.Equal(!bloodPressureCarried, Regex.Match(html, "id=\"not-carried-over\">.*?</p>", RegexOptions.Singleline).Value.Contains("Systolic blood pressure", StringComparison.Ordinal));
    }

    [Fact]
    public void Start_ClinicTimeZoneTheMachineDoesNotKnow_RefusesToStartNamingTheSetting()
    {
        using var factory = new KetamineCdsFactory { Settings = new Dictionary<string, string> { ["Clinic:TimeZone"] = "Mars/Olympus_Mons" } };

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Clinic:TimeZone", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_FromAnUnknownScreening_Returns404()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await client.GetAsync($"/Screenings/New?from={Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task NewScreening_FromAsStaff_IsDenied()
    {
        var (id, _) = await CreateAsync("MRN-RESCREEN-STAFF");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var response = await client.GetAsync($"/Screenings/New?from={id}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task NewScreening_RescreenPosted_RecordsANewEntryPointingToTheOldOneAndLeavesTheOldOneUnchanged()
    {
        var (id, before) = await CreateAsync("MRN-RESCREEN-POST");
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await RescreenFormAsync(client, id, "MRN-RESCREEN-POST");
        form["Input.AneurysmalVascularDisease"] = "false";
        form["Input.ArteriovenousMalformation"] = "false";

        var post = await client.PostAsync($"/Screenings/New?from={id}", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var newId = Guid.Parse(post.Headers.Location!.OriginalString["/Screenings/".Length..]);
        Assert.NotEqual(id, newId);
        var log = _factory.Services.GetRequiredService<IDecisionLog>();
        var rescreen = await log.FindScreeningAsync(newId);
        Assert.Equal(id, rescreen!.RescreenOf);
        Assert.Null(rescreen.Corrects);
        var old = await log.FindScreeningAsync(id);
        Assert.Null(old!.RescreenOf);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        // The old entry's body is what it was, with only the re-screen named among its later entries.
        var now = System.Text.Json.Nodes.JsonNode.Parse(await api.GetStringAsync($"/api/v1/screenings/{id}"))!.AsObject();
        Assert.Equal(newId, Assert.Single(now["laterEntries"]!.AsArray())!["id"]!.GetValue<Guid>());
        now.Remove("laterEntries");
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(before)!.ToJsonString(), now.ToJsonString());
        var verify = await (await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor)).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/audit/verify");
        Assert.True(verify.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task NewScreening_RescreenOfAnUnknownScreeningPosted_Returns404AndStoresNothing()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = PageTests.ValidForm("MRN-RESCREEN-GHOST");
        form["from"] = Guid.NewGuid().ToString();
        form["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New");

        var post = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        var stored = await api.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/screenings?patientReference=MRN-RESCREEN-GHOST");
        Assert.Equal(0, stored.GetProperty("items").GetArrayLength());
    }
}

/// <summary>A prefilled link from an EHR card (<c>/Screenings/New?prefill={id}</c>) that names nothing the server holds (QA6 F10).</summary>
public sealed class UnknownPrefillLinkTests : IClassFixture<KetamineCdsFactory>
{
    private readonly KetamineCdsFactory _factory;

    public UnknownPrefillLinkTests(KetamineCdsFactory factory) => _factory = factory;

    [Theory]
    [InlineData("AAAAbogus")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task NewScreening_UnknownOrExpiredPrefillLink_Answers404WithTheEmptyFormAndSaysSo(string prefill)
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await client.GetAsync($"/Screenings/New?prefill={prefill}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        // 404 (the link names nothing), but the clinician's page, not the generic "Page not found".
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("<h1>New screening</h1>", html, StringComparison.Ordinal);
        var notice = html[html.IndexOf("id=\"prefill-unavailable\"", StringComparison.Ordinal)..];
        notice = notice[..notice.IndexOf("</div>", StringComparison.Ordinal)];
        Assert.Contains("This prefilled link from the EHR is unknown or has expired", notice, StringComparison.Ordinal);
        Assert.Contains("Nothing has been filled in from the chart", notice, StringComparison.Ordinal);
        // The notice names the lifetime in words; it must be the store's.
        Assert.Equal(TimeSpan.FromHours(1), KetamineCds.Infrastructure.CdsHooks.CdsHookStore.PrefillLifetime);
        Assert.Contains("can be opened for one hour after the card was shown", notice, StringComparison.Ordinal);
        Assert.Contains("Start the screening here, or open the patient's chart in the EHR again to get a fresh card", notice, StringComparison.Ordinal);

        // The form is there and empty: nothing from any chart, nothing marked as from the EHR.
        Assert.Contains("<form method=\"post\" class=\"form screening-form\"", html, StringComparison.Ordinal);
        var patient = Regex.Match(html, "<input[^>]*id=\"patientReference\"[^>]*>");
        Assert.True(patient.Success, "The form has no patient reference box.");
        Assert.DoesNotMatch("value=\"[^\"]", patient.Value);
        Assert.DoesNotContain("id=\"from-ehr\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"from-ehr\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_UnknownPrefillLinkInChinese_SaysSoInChinese()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await Localization.CultureSelectionTests.GetAsync(client, "/Screenings/New?prefill=AAAAbogus", "zh-CN");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<html lang=\"zh-Hans\"", html, StringComparison.Ordinal);
        Assert.Contains("此电子病历预填链接无效或已过期", html, StringComparison.Ordinal);
        Assert.Contains("未从病历填入任何内容", html, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown or has expired", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NewScreening_PlainForm_HasNoPrefillNotice()
    {
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var response = await client.GetAsync("/Screenings/New");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id=\"prefill-unavailable\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
