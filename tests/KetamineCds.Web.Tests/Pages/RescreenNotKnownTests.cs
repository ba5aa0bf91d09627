using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Domain.Screening;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Localization;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// QA session 46: a re-screen or correction opens its form from the earlier screening's stored answers. A yes/no question
/// recorded there as "Not known" (stored as not recorded) came back with no radio chosen, while a form sent back shows the
/// "Not known" chosen. It now shows "Not known" chosen where the form offers it, for a question the earlier screening asked
/// and whose answer still holds; a question not asked then, or one to ask again today, shows none chosen, as on a new form.
/// A drop-down, a list or a number not recorded shows as not recorded, never as a No.
/// </summary>
public sealed class RescreenNotKnownTests(KetamineCdsFactory factory) : IClassFixture<KetamineCdsFactory>
{
    [Theory]
    [InlineData("from")]
    [InlineData("corrects")]
    public async Task Form_FromAScreeningWithQuestionsNotKnown_ShowsNotKnownChosenAndNeverNo(string relation)
    {
        // A man of 45: pregnancy and breastfeeding are not asked; no suicidality: its follow-ups are not asked. "Not known" is
        // a yes/no named with null (the form's "Not known" radio sends it so); one left out was not answered (helper 227).
        var request = SampleRequests.Trd("MRN-NK-" + relation).With("onOpioids", false);
        request["aneurysmalVascularDisease"] = null;
        request["cognitiveImpairment"] = null;
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync($"/Screenings/New?{relation}={id}");

        Assert.Matches("id=\"aneurysmalVascularDisease-nr\" name=\"Input.AneurysmalVascularDisease\" value=\"\" checked=\"checked\"", html);
        Assert.Matches("id=\"cognitiveImpairment-nr\" name=\"Input.CognitiveImpairment\" value=\"\" checked=\"checked\"", html);
        Assert.DoesNotMatch("id=\"aneurysmalVascularDisease-(yes|no)\"[^>]*checked", html);
        Assert.Matches("id=\"onOpioids-no\" name=\"Input.OnOpioids\" value=\"false\" checked=\"checked\"", html);
        Assert.DoesNotMatch("id=\"onOpioids-nr\"[^>]*checked", html);
        foreach (var notAsked in new[] { "pregnant", "breastfeeding", "suicidalIntent", "safetyPlanInPlace" })
        {
            Assert.DoesNotMatch($"id=\"{notAsked}-(yes|no|nr)\"[^>]*checked", html);
        }

        // Not known is still not recorded: the safety count lists it.
        Assert.Contains("href=\"#aneurysmalVascularDisease-yes\"", html, StringComparison.Ordinal);
        // The other controls not recorded: the empty choice, no value, no box ticked.
        foreach (var select in new[] { "substanceUse", "hepaticImpairment" })
        {
            Assert.DoesNotContain("selected", Regex.Match(html, $"<select [^>]*id=\"{select}\".*?</select>", RegexOptions.Singleline).Value, StringComparison.Ordinal);
        }

        Assert.Matches("id=\"benzodiazepineDiazepamEquivalentMg\" name=\"Input.BenzodiazepineDiazepamEquivalentMg\"(?! value=)", html);
        Assert.DoesNotMatch("id=\"substancesUsed-[^\"]+\"[^>]*checked", html);
    }

    /// <summary>
    /// Helper 227 (QA walk): a yes/no left with no radio chosen on the form, or left out of an API body, was stored as null
    /// beside every other field, and came back on the re-screen with "Not known" chosen, as if it had been asked and answered
    /// so. Not recorded stays not recorded: it opens with no radio chosen, and only an answer "Not known" opens as one.
    /// </summary>
    [Theory]
    [InlineData("from")]
    [InlineData("corrects")]
    public async Task Form_FromAFormScreeningWithAYesNoLeftUnanswered_OpensItUnansweredAndNotKnownOnlyWhereChosen(string relation)
    {
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = new Dictionary<string, string>
        {
            ["Input.PatientReference"] = "MRN-NK-BLANK-" + relation,
            ["Input.AgeYears"] = "45",
            ["Input.SexAtBirth"] = "male",
            ["Input.PrimaryDiagnosis"] = "mdd",
            ["Input.CurrentDepressiveEpisode"] = "true",
            ["Input.FailedAdequateTrials"] = "3",
            ["Input.OnOralAntidepressant"] = "true",
            ["Input.Psychosis"] = "none",
            ["Input.Suicidality"] = "none",
            ["Input.AneurysmalVascularDisease"] = "", // "Not known" chosen
            ["Input.OnOpioids"] = "false",
            // Cognitive impairment and arteriovenous malformation: no radio chosen, so not sent.
            ["__RequestVerificationToken"] = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Screenings/New"),
        };
        using var posted = await client.PostAsync("/Screenings/New", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var id = Guid.Parse(posted.Headers.Location!.OriginalString["/Screenings/".Length..]);

        var html = await client.GetStringAsync($"/Screenings/New?{relation}={id}");

        Assert.Matches("id=\"aneurysmalVascularDisease-nr\"[^>]*checked=\"checked\"", html);
        Assert.Matches("id=\"onOpioids-no\"[^>]*checked=\"checked\"", html);
        foreach (var unanswered in new[] { "cognitiveImpairment", "arteriovenousMalformation", "onNaltrexone" })
        {
            Assert.DoesNotMatch($"id=\"{unanswered}-(yes|no|nr)\"[^>]*checked", html);
        }

        // Both are not recorded, never "no": the safety count lists the one that could block, answered "Not known" or not.
        Assert.Contains("href=\"#aneurysmalVascularDisease-yes\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#arteriovenousMalformation-yes\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_FromAnApiScreeningThatLeavesAYesNoOut_OpensItUnanswered()
    {
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-NK-LEFT-OUT"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);

        var html = await client.GetStringAsync($"/Screenings/New?from={id}");

        foreach (var unanswered in new[] { "aneurysmalVascularDisease", "cognitiveImpairment", "onOpioids" })
        {
            Assert.DoesNotMatch($"id=\"{unanswered}-(yes|no|nr)\"[^>]*checked", html);
        }
    }

    [Fact]
    public async Task Rescreen_OnALaterDay_AsksAgainAQuestionNotKnownThatDayAndKeepsOneThatStillHolds()
    {
        // A woman of 60: breastfeeding is asked (about now: current for the day only), pregnancy is not.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
        using var dated = new Infrastructure.ClockFactory(clock);
        var api = await dated.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var request = SampleRequests.Trd("MRN-NK-DAY").With("sexAtBirth", "female").With("ageYears", 60);
        request["breastfeeding"] = null;
        request["aneurysmalVascularDisease"] = null;
        var id = await dated.RecordScreeningThroughApiAsync(request, api);

        var sameDay = await (await dated.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");
        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await (await dated.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist)).GetStringAsync($"/Screenings/New?from={id}");

        Assert.Matches("id=\"breastfeeding-nr\"[^>]*checked=\"checked\"", sameDay);
        Assert.DoesNotMatch("id=\"breastfeeding-(yes|no|nr)\"[^>]*checked", nextDay);
        Assert.Matches("id=\"aneurysmalVascularDisease-nr\"[^>]*checked=\"checked\"", nextDay);
        Assert.DoesNotMatch("id=\"pregnant-(yes|no|nr)\"[^>]*checked", sameDay);
    }

    [Fact]
    public async Task Rescreen_FormSentBackWithAProblem_ShowsWhatWasSentNotTheEarlierAnswers()
    {
        var id = await factory.RecordScreeningThroughApiAsync(SampleRequests.Trd("MRN-NK-BACK"));
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var form = await RescreenForms.RequiredAnswersAsync(client, id, "MRN-NK-BACK");
        form.Remove("Input.AgeYears");
        form["Input.CognitiveImpairment"] = "";

        using var response = await client.PostAsync($"/Screenings/New?from={id}", new FormUrlEncodedContent(form));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("id=\"cognitiveImpairment-nr\"[^>]*checked=\"checked\"", html);
        Assert.DoesNotMatch("id=\"aneurysmalVascularDisease-(yes|no|nr)\"[^>]*checked", html); // not sent
    }

    [Fact]
    public async Task EarlierAnswers_QuestionTheStoredInputDoesNotName_IsNotNotKnown()
    {
        // A screening recorded before a question existed: its stored input (which names every field of its contract) does
        // not name it. It was never asked, so it is not shown as answered "Not known".
        var request = SampleRequests.Trd("MRN-NK-OLDER");
        request["aneurysmalVascularDisease"] = null;
        request["raisedIntraocularPressure"] = null;
        var id = await factory.RecordScreeningThroughApiAsync(request);
        var found = (await factory.Services.GetRequiredService<IDecisionLog>().FindScreeningAsync(id))!;
        var input = JsonNode.Parse(found.InputJson)!.AsObject();
        Assert.True(input.Remove(Fields.RaisedIntraocularPressure.Name));
        var older = found with { InputJson = input.ToJsonString() };
        var calendar = factory.Services.GetRequiredService<ClinicCalendar>();

        foreach (var earlier in new[] { EarlierAnswers.Of(older, calendar), EarlierAnswers.AsRecorded(older, calendar) })
        {
            Assert.Contains(Fields.AneurysmalVascularDisease, earlier.NotKnown);
            Assert.DoesNotContain(Fields.RaisedIntraocularPressure, earlier.NotKnown);
            Assert.DoesNotContain(Fields.Pregnant, earlier.NotKnown); // a man: not asked
        }
    }

    [Theory]
    [InlineData("female", 30, false)] // pregnancy status required: "Not known" is not offered, so not chosen
    [InlineData("female", 60, true)]
    public void FieldControl_RecordedNotKnown_IsChosenOnlyWhereNotKnownIsOffered(string sex, int age, bool chosen)
    {
        var input = new ScreeningRequest { [Fields.SexAtBirth] = sex, [Fields.AgeYears] = age };

        var control = FieldControl.For(Fields.Pregnant, new ModelStateDictionary(), input, ClinicalText.Shared, new FieldContext(RecordedNotKnown: true));

        Assert.Equal(chosen, control.OffersNotKnown);
        Assert.Equal(chosen, control.ChoseNotKnown);
    }
}
