using System.Net;
using System.Text.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// A filter the auditor's API or pages cannot read (a date that is not one, an unknown verdict or rule set) is named
/// in a field-level message, and nothing is listed, exported, analysed or verified without it: an auditor must never
/// believe a result is filtered when it is not.
/// </summary>
public sealed class UnreadableAuditFilterTests(UnreadableAuditFilterTests.App app) : IClassFixture<UnreadableAuditFilterTests.App>
{
    private const string LoggedPatient = "MRN-UNREADABLE-FILTER";

    [Fact]
    public async Task ApiExport_PatientReference_FiltersLikePatient_AndAnUnknownFilterIsRefusedNotIgnored()
    {
        // QA: ?patientReference= (every other route's name for the patient) was ignored, and the whole log exported.
        await app.LogAScreeningAsync();
        await app.LogAScreeningAsync("MRN-OTHER-PATIENT");
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);

        using (var byReference = await client.GetAsync($"/api/v1/audit/export.csv?patientReference={LoggedPatient}"))
        {
            Assert.Equal(HttpStatusCode.OK, byReference.StatusCode);
            var csv = await byReference.Content.ReadAsStringAsync();
            Assert.Contains(LoggedPatient, csv, StringComparison.Ordinal);
            Assert.DoesNotContain("MRN-OTHER-PATIENT", csv, StringComparison.Ordinal);
        }

        var (_, message) = await RefusedExportAsync(client, "/api/v1/audit/export.csv?patientRef=MRN-X", "patientRef");
        Assert.Contains("patientReference", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/audit/export.csv?patientReference=" + LoggedPatient + "&patientReference=", "patientReference")] // it exported this patient's entries
    [InlineData("/api/v1/audit/export.csv?patientReference=MRN-A&PATIENTREFERENCE=MRN-B", "patientReference")] // "may have 1 to 64 letters, digits ..."
    [InlineData("/api/v1/audit/export.jsonl?patient=" + LoggedPatient + "&Patient=", "patient")]
    [InlineData("/api/v1/audit/export.csv?clinician=psychiatrist%40demo.local&clinician=psychiatrist%40demo.local", "clinician")]
    [InlineData("/api/v1/audit/export.csv?overall=eligible&overall=", "overall")]
    [InlineData("/api/v1/audit/export.jsonl?ruleSet=1.0.0&ruleset=1.1.0", "ruleSet")]
    [InlineData("/api/v1/audit/export.csv?from=2026-01-01&from=2026-01-01", "from")]
    [InlineData("/api/v1/audit/export.jsonl?to=2999-12-31&To=", "to")]
    [InlineData("/api/v1/audit/access.csv?who=auditor%40demo.local&who=", "who")]
    [InlineData("/api/v1/audit/access.csv?kind=export&KIND=sign-in", "kind")]
    [InlineData("/api/v1/audit/access.csv?subject=decision-log&subject=", "subject")]
    [InlineData("/api/v1/audit/access.csv?from=2026-01-01&from=2026-02-01", "from")]
    public async Task ApiExport_FilterGivenMoreThanOnce_Is400NamingIt_AndExportsNothing(string path, string field)
    {
        // A filter given twice was used silently (the binder joins the values, leaving an empty one out:
        // ?patientReference=A&patientReference= exported A's entries) or refused with another field's message (two
        // references read as one holding a comma). As GET /api/v1/screenings refuses a repeated patientReference.
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.ClientAsync(KetamineCdsFactory.Auditor), path, field);

        Assert.Equal($"Query parameter '{field}' is given more than once; give it once.", message);
    }

    [Fact]
    public async Task ApiExport_FilterGivenMoreThanOnceInChinese_IsNamedInChinese()
    {
        await app.LogAScreeningAsync();
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/audit/access.csv?who=a%40b.c&who=");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("查询参数“who”出现了不止一次；请只给出一次。", problem.RootElement.GetProperty("errors").GetProperty("who")[0].GetString());
    }

    [Theory]
    [InlineData("/api/v1/audit/verify?mode=full&mode=", "mode")] // it verified, as if mode=full were given once
    [InlineData("/api/v1/audit/verify?from=checkpoint&FROM=checkpoint", "from")] // "Use from=checkpoint ...", which it was
    public async Task ApiVerify_OptionGivenMoreThanOnce_Is400NamingIt_AndVerifiesNothing(string path, string field)
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);
        var before = await app.CountAccessEventsAsync("verify");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal($"Query parameter '{field}' is given more than once; give it once.", errors.GetProperty(field)[0].GetString());
        Assert.Equal(before, await app.CountAccessEventsAsync("verify"));
    }

    [Theory]
    [InlineData("/Audit?patient=" + LoggedPatient + "&patient=", "view-screening", "patient", "patient")] // it listed this patient's entries
    [InlineData("/Audit?patientReference=" + LoggedPatient + "&PATIENTREFERENCE=MRN-OTHER", "view-screening", "patientReference", "patientReference")]
    [InlineData("/Audit?Filter.Patient=" + LoggedPatient + "&filter.patient=", "view-screening", "patient", "Filter.Patient")] // the binder's spelling, named as the URL wrote it
    [InlineData("/Audit?clinician=psychiatrist%40demo.local&clinician=", "view-screening", "clinician", "clinician")]
    [InlineData("/Audit?overall=eligible&overall=eligible", "view-screening", "overall", "overall")]
    [InlineData("/Audit?ruleSet=1.0.0&ruleset=1.1.0", "view-screening", "ruleSet", "ruleSet")]
    [InlineData("/Audit?from=2026-01-01&from=2026-02-01", "view-screening", "from", "from")] // "not the date the filter runs with"
    [InlineData("/Audit?Filter.To=2999-12-31&Filter.To=", "view-screening", "to", "Filter.To")]
    [InlineData("/Audit/Access?who=auditor%40demo.local&who=", "view-access-log", "who", "who")] // it listed the auditor's events
    [InlineData("/Audit/Access?Filter.Kind=sign-in&filter.kind=export", "view-access-log", "kind", "Filter.Kind")]
    [InlineData("/Audit/Access?subject=decision-log&Subject=", "view-access-log", "subject", "subject")]
    [InlineData("/Audit/Access?from=2026-01-01&FROM=2026-01-01", "view-access-log", "from", "from")]
    [InlineData("/Audit/Impact?run=true&from=2026-01-01&from=", "impact-analysis", "from", "from")]
    [InlineData("/Audit/Impact?run=true&version=1.1.0&version=1.0.0", "impact-analysis", "version", "version")] // it analysed 1.1.0
    [InlineData("/Audit/Impact?run=true&baseline=1.0.0&Baseline=", "impact-analysis", "baseline", "baseline")]
    [InlineData("/Audit/Verify?run=true&from=checkpoint&from=", "verify", "from", "from")] // it verified from the checkpoint
    public async Task AuditPages_FilterGivenMoreThanOnce_Is400NamingItBesideItsField_AndListsNothing(string path, string kind, string field, string named)
    {
        // As the audit API refuses a repeated filter (QueryNames.Repeated): the pages used one of the values without a
        // word, so /Audit?patient=A&patient= listed A's entries and /Audit/Verify?run=true&from=checkpoint&from= verified
        // from the checkpoint. Refused, nothing is listed, analysed, verified or recorded, as for any filter refused.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind);

        var message = $"Query parameter '{named}' is given more than once; give it once.";
        // The repeat is the problem, not one of its values: the summary names it alone; no row (the patient asked for is
        // still in the form and the page's own links, as given).
        AssertRefusedBesideItsField(html, field, message);
    }

    [Theory]
    [InlineData("/Audit?patient=MRN-FIRST&patient=MRN-SECOND", "view-screening", "filter-patient", null)] // showed MRN-FIRST
    [InlineData("/Audit?Filter.Patient=MRN-FIRST&filter.patient=MRN-SECOND", "view-screening", "filter-patient", null)]
    [InlineData("/Audit?clinician=a%40b.c&Filter.Clinician=d%40e.f", "view-screening", "filter-clinician", null)]
    [InlineData("/Audit?from=2026-01-01&FROM=2026-02-01", "view-screening", "filter-from", null)]
    [InlineData("/Audit/Access?who=a%40b.c&who=d%40e.f", "view-access-log", "filter-who", null)]
    [InlineData("/Audit/Access?subject=decision-log&Filter.Subject=patient%3AX", "view-access-log", "filter-subject", null)]
    [InlineData("/Audit/Impact?run=true&from=2026-01-01&from=2026-02-01", "impact-analysis", "impact-from", null)]
    [InlineData("/Audit?patient=MRN-FIRST&patient=", "view-screening", "filter-patient", "MRN-FIRST")] // one value given: kept
    [InlineData("/Audit?patient=&patient=MRN-SECOND", "view-screening", "filter-patient", "MRN-SECOND")] // was empty
    [InlineData("/Audit/Access?who=&who=a%40b.c", "view-access-log", "filter-who", "a@b.c")] // was empty
    [InlineData("/Audit/Impact?run=true&from=&from=2026-02-01", "impact-analysis", "impact-from", "2026-02-01")] // was empty
    [InlineData("/Audit/Impact?run=true&to=2026-02-01&TO=", "impact-analysis", "impact-to", "2026-02-01")] // Impact's filter shows as the others' (ImpactFilterInput)
    [InlineData("/Audit/Impact?run=true&to=2026-01-01&to=2026-02-01", "impact-analysis", "impact-to", null)]
    public async Task AuditPages_FilterGivenMoreThanOnce_FieldShowsTheOneValueGiven_OrNoneWhenTheyDiffer(string path, string kind, string id, string? shown)
    {
        // The field showed the value the binder kept (the first) beside "given more than once", as if the page had chosen
        // it: /Audit?patient=A&patient=B showed A, and pressing Filter listed A's entries though nobody chose A.
        var html = await RefusedPageAsync(path, kind);

        var field = System.Text.RegularExpressions.Regex.Match(html, $"<input [^>]*id=\"{id}\"[^>]*>").Value;
        Assert.NotEmpty(field);
        if (shown is null)
        {
            Assert.DoesNotContain("value=", field, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains($"value=\"{shown}\"", field, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Audit?overall=eligible&overall=not-eligible-now", "filter-overall", null, "eligible")] // "Any", the first option
    [InlineData("/Audit/Impact?run=true&version=1.1.0&version=1.0.0", "impact-version", null, "1.1.0")]
    [InlineData("/Audit/Impact?run=true&baseline=1.0.0&baseline=1.1.0", "impact-baseline", "", "1.0.0")]
    [InlineData("/Audit/Impact?run=true&baseline=1.1.0&baseline=1.0.0&version=1.0.0", "impact-baseline", "", "1.1.0")]
    public async Task AuditPages_ChoiceGivenMoreThanOnceWithDifferentValues_SelectsNeitherValueGiven(string path, string id, string? selected, string first)
    {
        var html = await RefusedPageAsync(path, path.StartsWith("/Audit/Impact", StringComparison.Ordinal) ? "impact-analysis" : "view-screening");

        var select = System.Text.RegularExpressions.Regex.Match(html, $"<select [^>]*id=\"{id}\".*?</select>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.NotEmpty(select);
        Assert.DoesNotContain($"<option value=\"{first}\" selected", select, StringComparison.Ordinal);
        if (selected is not null)
        {
            Assert.Contains($"<option value=\"{selected}\" selected", select, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/Audit/Verify?run=true&from=&from=checkpoint", "verify-from-checkpoint")] // "All of it" was checked
    [InlineData("/Audit/Verify?run=true&from=checkpoint&from=", "verify-from-checkpoint")]
    [InlineData("/Audit/Verify?run=true&from=checkpoint&from=full", "verify-full")] // the form's default, not the first value
    public async Task Verify_FromGivenMoreThanOnce_ChecksTheOneValueGiven_OrTheDefault(string path, string checkedId)
    {
        var html = await RefusedPageAsync(path, "verify");

        var radios = System.Text.RegularExpressions.Regex.Matches(html, "<input id=\"(verify-[a-z-]+)\" type=\"radio\"[^>]*>");
        Assert.Equal([checkedId], radios.Where(r => r.Value.Contains("checked", StringComparison.Ordinal)).Select(r => r.Groups[1].Value));
    }

    [Theory]
    [InlineData("/Audit/Access?who=auditor%40demo.local&Filter.Who=psychiatrist%40demo.local", "view-access-log", "who", "who")] // it listed the psychiatrist's events, dropping who=
    [InlineData("/Audit/Access?Filter.Kind=export&kind=export", "view-access-log", "kind", "kind")] // the same value too
    [InlineData("/Audit/Access?subject=&filter.subject=decision-log", "view-access-log", "subject", "subject")] // an empty one too
    [InlineData("/Audit?clinician=psychiatrist%40demo.local&Filter.Clinician=", "view-screening", "clinician", "clinician")]
    [InlineData("/Audit?PATIENT=" + LoggedPatient + "&Filter.Patient=MRN-OTHER", "view-screening", "patient", "patient")] // any letter case
    [InlineData("/Audit?patientReference=" + LoggedPatient + "&Filter.PatientReference=" + LoggedPatient, "view-screening", "patientReference", "patientReference")]
    [InlineData("/Audit?overall=eligible&FILTER.OVERALL=eligible", "view-screening", "overall", "overall")]
    [InlineData("/Audit?Filter.RuleSet=1.0.0&ruleset=1.1.0", "view-screening", "ruleSet", "ruleSet")]
    [InlineData("/Audit?to=2026-12-31&Filter.To=2026-01-31", "view-screening", "to", "to")] // was "'to' was not used as given"
    [InlineData("/Audit?Filter.From=2000-01-01&from=2000-01-01", "view-screening", "from", "from")] // was listed, the same date under both
    [InlineData("/Audit/Access?Filter.From=2026-01-01&from=garbage", "view-access-log", "from", "from")] // was "'from' could not be read as a date"
    [InlineData("/Audit/Access?who=a%40b.c&who=&Filter.Who=a%40b.c", "view-access-log", "who", "who")] // repeated under one spelling as well
    public async Task AuditPages_FilterUnderBothItsSpellings_Is400NamingBothBesideItsField_AndListsNothing(string path, string kind, string field, string shortName)
    {
        // The binder reads the Filter.* spelling alone once the URL uses it: /Audit/Access?who=a&Filter.Who=b listed b's
        // events, dropping who=a without a word. One filter under its two spellings is given more than once, whatever the
        // values, as a filter repeated under one spelling is (AuditPages_FilterGivenMoreThanOnce_...).
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind);

        var prefixed = "Filter." + char.ToUpperInvariant(shortName[0]) + shortName[1..];
        var message = $"Query parameters '{shortName}' and '{prefixed}' name the same filter, so it is given more than once; give it once.";
        // The repeat is the problem, not one of its values: the summary names it alone; no row (the patient asked for is
        // still in the form and the page's own links, as given).
        AssertRefusedBesideItsField(html, field, message);
    }

    [Theory]
    [InlineData("/Audit/Access?who=a%40b.c&Filter.Who=a%40b.c", "view-access-log", "who", "“who”和“Filter.Who”")]
    [InlineData("/Audit?Filter.To=2026-01-31&to=2026-12-31", "view-screening", "to", "“to”和“Filter.To”")]
    public async Task AuditPages_FilterUnderBothItsSpellingsInChinese_IsNamedInChineseBesideItsField(string path, string kind, string field, string names)
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind, "zh-CN");

        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{ControlOf(html, field)}\">查询参数{names}是同一个筛选条件，因此它出现了不止一次；请只给出一次。</a></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?handler=Csv&patient=" + LoggedPatient + "&Filter.Patient=" + LoggedPatient, "patient")]
    [InlineData("/Audit?handler=JsonLines&Filter.Overall=eligible&overall=", "overall")]
    [InlineData("/Audit/Access?handler=Csv&who=auditor%40demo.local&Filter.Who=auditor%40demo.local", "who")]
    public async Task AuditPageExport_FilterUnderBothItsSpellings_Is400NamingBoth_AndExportsNothing(string path, string field)
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), path, field);

        Assert.Equal($"Query parameters '{field}' and 'Filter.{char.ToUpperInvariant(field[0])}{field[1..]}' name the same filter, so it is given more than once; give it once.", message);
    }

    [Theory]
    [InlineData("/Audit/Access?who=auditor%40demo.local&Filter.Kind=export", "view-access-log", "who", "Filter.Kind")] // it listed every export, dropping who=
    [InlineData("/Audit/Access?Filter.Who=auditor%40demo.local&SUBJECT=decision-log", "view-access-log", "subject", "Filter.Who")] // any letter case
    [InlineData("/Audit?patient=" + LoggedPatient + "&Filter.Overall=eligible", "view-screening", "patient", "Filter.Overall")]
    [InlineData("/Audit?filter.clinician=psychiatrist%40demo.local&ruleSet=1.0.0", "view-screening", "ruleSet", "Filter.Clinician")]
    public async Task AuditPages_FilterInTheShortSpellingBesideAnotherInTheFilterSpelling_Is400NamingBoth_AndListsNothing(string path, string kind, string field, string other)
    {
        // The binder reads the Filter.* spelling alone once the URL uses it for any filter: /Audit/Access?who=a&Filter.Kind=export
        // listed every export, dropping who=a without a word.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind);

        var message = $"Query parameter '{field}' would be ignored, because the query also gives '{other}'; give every filter in the same spelling.";
        // The spelling is the problem, not one of its values: the summary names it alone; no row (the patient asked for is
        // still in the form and the page's own links, as given).
        AssertRefusedBesideItsField(html, field, message);
    }

    [Fact]
    public async Task AuditPages_FilterInTheShortSpellingBesideAnotherInTheFilterSpellingInChinese_IsNamedInChinese()
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit/Access?who=a%40b.c&Filter.Kind=export", "view-access-log", "zh-CN");

        Assert.Contains("<li><a href=\"#filter-who\">查询参数“who”会被忽略，因为查询中还给出了“Filter.Kind”；请所有筛选条件使用同一种写法。</a></li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditPageExport_FilterInTheShortSpellingBesideAnotherInTheFilterSpelling_Is400NamingBoth_AndExportsNothing()
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), "/Audit?handler=Csv&patient=" + LoggedPatient + "&Filter.Overall=eligible", "patient");

        Assert.Equal("Query parameter 'patient' would be ignored, because the query also gives 'Filter.Overall'; give every filter in the same spelling.", message);
    }

    [Theory]
    [InlineData("/Audit?before=abc&before=", "view-screening", "before")] // the cursor: it paged from one of them
    [InlineData("/Audit/Access?before=5&Before=3", "view-access-log", "before")]
    [InlineData("/Audit/Impact?run=true&run=true", "impact-analysis", "run")]
    [InlineData("/Audit/Verify?run=true&run=false", "verify", "run")] // it verified, reading the first
    public async Task AuditPages_PagingOrRunGivenMoreThanOnce_IsNamedInTheSummary_AndNothingRuns(string path, string kind, string named)
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind);

        Assert.Contains($"<li>Query parameter '{named}' is given more than once; give it once.</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?Filter.Patient=" + LoggedPatient + "&filter.patient=", "view-screening", "patient", "Filter.Patient")]
    [InlineData("/Audit/Access?who=auditor%40demo.local&who=", "view-access-log", "who", "who")]
    [InlineData("/Audit/Impact?run=true&version=1.1.0&version=1.0.0", "impact-analysis", "version", "version")]
    [InlineData("/Audit/Verify?run=true&from=checkpoint&from=", "verify", "from", "from")]
    public async Task AuditPages_FilterGivenMoreThanOnceInChinese_IsNamedInChineseBesideItsField(string path, string kind, string field, string named)
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind, "zh-CN");

        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"<li><a href=\"#{ControlOf(html, field)}\">查询参数“{named}”出现了不止一次；请只给出一次。</a></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?handler=Csv&patient=" + LoggedPatient + "&patient=", "patient", "patient")]
    [InlineData("/Audit?handler=JsonLines&Filter.Overall=eligible&Filter.Overall=", "overall", "Filter.Overall")]
    [InlineData("/Audit/Access?handler=Csv&who=auditor%40demo.local&WHO=", "who", "who")]
    public async Task AuditPageExport_FilterGivenMoreThanOnce_Is400NamingIt_AndExportsNothing(string path, string field, string named)
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), path, field);

        Assert.Equal($"Query parameter '{named}' is given more than once; give it once.", message);
    }

    [Theory]
    [InlineData("from=2026-13-45", "from", "could not be read as a date")]
    [InlineData("to=notadate", "to", "could not be read as a date")]
    [InlineData("from=2026-01-01&to=2026-02-30", "to", "could not be read as a date")]
    [InlineData("overall=maybe", "overall", "must be one of")]
    [InlineData("ruleSet=1.6", "ruleSet", "must be a released rule-set version: 1.0.0, 1.1.0,")] // QA109 F6: it exported nothing, and logged the export
    public async Task ApiExport_UnreadableFilter_Is400FieldProblemWithoutTraceOrHeadersAndExportsNothing(string query, string field, string message)
    {
        await app.LogAScreeningAsync();
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        var (body, fieldMessage) = await RefusedExportAsync(client, "/api/v1/audit/export.csv?" + query, field);

        Assert.Contains(message, fieldMessage, StringComparison.Ordinal);
        using var problem = JsonDocument.Parse(body);
        Assert.False(problem.RootElement.TryGetProperty("exception", out _), body);
        foreach (var leak in new[] { token, "Bearer", "Authorization", "BadHttpRequestException", "headers", " at Microsoft." })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("/api/v1/audit/export.csv?patient=", "patient")]
    [InlineData("/api/v1/audit/export.csv?patientReference=", "patientReference")]
    [InlineData("/api/v1/audit/export.jsonl?patient=", "patient")]
    [InlineData("page:/Audit?handler=Csv&patient=", "patient")]
    [InlineData("page:/Audit?handler=JsonLines&patient=", "patient")]
    public async Task Export_PatientTheListApiRefuses_Is400WithTheListApisMessageAndExportsNothing(string path, string field)
    {
        // QA P11: the CSV export took patient references the list API refuses, and exported for them.
        await app.LogAScreeningAsync();
        var listApi = await app.ClientAsync(KetamineCdsFactory.Psychiatrist);
        var client = path.StartsWith("page:", StringComparison.Ordinal) ? await app.PageClientAsync(KetamineCdsFactory.Auditor) : await app.ClientAsync(KetamineCdsFactory.Auditor);
        foreach (var patient in new[] { "MRN 1", "MRN-1\nMRN-2", "<b>x", "MRN-1'--", new string('M', 65) })
        {
            using var refused = await listApi.GetAsync("/api/v1/screenings?patientReference=" + Uri.EscapeDataString(patient));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            using var listProblem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            var message = listProblem.RootElement.GetProperty("errors").GetProperty("patientReference")[0].GetString();

            var (_, exportMessage) = await RefusedExportAsync(client, path.Replace("page:", "", StringComparison.Ordinal) + Uri.EscapeDataString(patient), field);

            Assert.Equal(message, exportMessage);
        }
    }

    [Fact]
    public async Task AuditList_PatientTheListApiRefuses_Is400WithTheFieldMessageAndListsNothing()
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit?patient=" + Uri.EscapeDataString("MRN-1\nMRN-2"), "view-screening");

        Assert.Contains("id=\"filter-patient-error\"", html, StringComparison.Ordinal);
        Assert.Contains("The patient reference may have 1 to 64 letters, digits, dots, hyphens or underscores; never a name.", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"filter-patient-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_PatientReference_FiltersLikePatient_AndThePagesOwnLinksKeepWritingPatient()
    {
        // QA158 F11: /Audit?patientReference=X1 listed the whole log; the export API reads that name as patient.
        await app.LogAScreeningAsync();
        await app.LogAScreeningAsync("MRN-OTHER-PATIENT");
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        foreach (var path in new[] { $"/Audit?patientReference={LoggedPatient}", $"/Audit?patient={LoggedPatient}", $"/Audit?patient={LoggedPatient}&patientReference={LoggedPatient}" })
        {
            using var response = await client.GetAsync(path);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(LoggedPatient, html, StringComparison.Ordinal);
            Assert.DoesNotContain("MRN-OTHER-PATIENT", html, StringComparison.Ordinal);
            Assert.Contains($"name=\"patient\" value=\"{LoggedPatient}\"", html, StringComparison.Ordinal);
            // The exports' links carry the same filter, under the page's own name for it.
            Assert.Matches($"href=\"/Audit\\?([^\"]*&)?patient={LoggedPatient}[&\"]", html);
        }
    }

    [Theory]
    [InlineData("/Audit?verdict=foo", "verdict", "Unknown filter 'verdict'; this page's filters are from, to, clinician, patient, patientReference, overall, ruleSet.")]
    [InlineData("/Audit?patientRef=MRN-X&overall=eligible", "patientRef", "Unknown filter 'patientRef'")]
    [InlineData("/Audit?overall=foo", "overall", "'overall' must be one of")]
    [InlineData("/Audit?patient=MRN-A&patientReference=MRN-B", "patientReference", "patient and patientReference name the same filter")]
    public async Task AuditList_UnknownFilterOrValue_IsNamedInANotice_AndNothingIsListed(string path, string name, string message)
    {
        // QA158 F11: ?verdict=foo listed all 42 entries without a word, where the export API refuses it by name.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, "view-screening");

        Assert.Contains("<div class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains(name, html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
        Assert.Contains("Correct the filter to list entries.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_UnknownFilterInChinese_IsNamedInChinese()
    {
        var html = await RefusedPageAsync("/Audit?verdict=foo", "view-screening", "zh-CN");

        Assert.Contains("未知的筛选条件“verdict”；本页可用的筛选条件为：from, to, clinician, patient, patientReference, overall, ruleSet。", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?handler=Csv&verdict=foo", "verdict")]
    [InlineData("/Audit?handler=JsonLines&patientRef=MRN-X", "patientRef")]
    public async Task AuditPageExport_UnknownFilter_Is400NamingIt_AndExportsNothing(string path, string name)
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), path, name);

        Assert.StartsWith($"Unknown filter '{name}'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Access?user=someone@clinic.example", "user", "view-access-log", "Unknown filter 'user'; this page's filters are from, to, who, kind, subject.")]
    [InlineData("/Audit/Access?who=&verdict=foo&before=5", "verdict", "view-access-log", "Unknown filter 'verdict'; this page's filters are from, to, who, kind, subject.")]
    [InlineData("/Audit/Impact?run=true&rulesSet=1.1.0", "rulesSet", "impact-analysis", "Unknown filter 'rulesSet'; this page's filters are from, to, baseline, version.")]
    [InlineData("/Audit/Impact?from=2026-01-01&verdict=foo", "verdict", "impact-analysis", "Unknown filter 'verdict'; this page's filters are from, to, baseline, version.")]
    public async Task AccessLogAndImpact_UnknownQueryName_IsNamedInANotice_AndNothingIsListedOrAnalysed(string path, string name, string kind, string message)
    {
        // As the decision log's list (QA158 F11): an unknown name was ignored, and the whole access log listed, or the
        // analysis run against the current rule set, as if filtered.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync(path, kind);

        Assert.Contains("<div class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        Assert.Contains($"<li>{message}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"#filter-{name}-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("would change verdict", html, StringComparison.Ordinal);
        Assert.DoesNotContain("examined against", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Verify?run=true&mode=full", "mode")] // the API's name: it verified the whole log without a word
    [InlineData("/Audit/Verify?run=true&from=checkpoint&mode=full", "mode")] // it verified from the checkpoint, mode= unread
    [InlineData("/Audit/Verify?mode=from-checkpoint", "mode")] // refused run or not, as /Audit/Impact refuses it
    [InlineData("/Audit/Verify?run=true&Filter.From=checkpoint", "Filter.From")] // no Filter.* spelling here: it verified the whole log
    public async Task Verify_UnknownQueryName_IsNamedInANotice_AndVerifiesNothing(string path, string name)
    {
        // As the other audit pages (QA158 F11): an unknown name was ignored, and the whole log verified as if asked for.
        var html = await RefusedPageAsync(path, "verify");

        Assert.Contains("<div class=\"error-summary\" role=\"alert\"", html, StringComparison.Ordinal);
        // "this page's filters are from" said neither what from takes nor what the API's mode=full is here: both are said.
        Assert.Contains($"<li>Unknown filter '{name}'; this page reads only from: leave it empty to verify all of the log, or give from=checkpoint to verify only what was added since the newest checkpoint that holds (the API's mode=full and mode=from-checkpoint).</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified in", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnknownQueryNameInChinese_IsNamedInChinese()
    {
        var html = await RefusedPageAsync("/Audit/Verify?run=true&mode=full", "verify", "zh-CN");

        Assert.Contains("<li>未知的筛选条件“mode”；本页只读取 from：留空则校验整个日志，from=checkpoint 则仅校验最新成立的检查点之后新增的内容（即 API 的 mode=full 和 mode=from-checkpoint）。</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?handler=Jsonl", "view-screening", "Unknown export 'Jsonl'; this page's exports are Csv, JsonLines. Nothing was exported or listed.")]
    [InlineData("/Audit?handler=Unknown&patient=" + LoggedPatient, "view-screening", "Unknown export 'Unknown'; this page's exports are Csv, JsonLines. Nothing was exported or listed.")]
    [InlineData("/Audit/Access?handler=JsonLines", "view-access-log", "Unknown export 'JsonLines'; this page's exports are Csv. Nothing was exported or listed.")]
    [InlineData("/Audit/Access?HANDLER=Pdf&who=auditor%40demo.local", "view-access-log", "Unknown export 'Pdf'; this page's exports are Csv. Nothing was exported or listed.")]
    public async Task AuditListPages_UnknownExport_Is400NamingIt_NothingListedOrExported(string path, string kind, string message)
    {
        // Razor Pages runs the list for a handler it has not: the auditor asked for a file and got the log listed, 200,
        // recorded as a list view (?handler=JsonLines on the access log, which exports CSV only).
        await app.LogAScreeningAsync();
        var exportsBefore = await app.CountAccessEventsAsync("export");

        var html = await RefusedPageAsync(path, kind);

        Assert.Contains($"<li>{message}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Audit/Screening/", html, StringComparison.Ordinal);
        Assert.Equal(exportsBefore, await app.CountAccessEventsAsync("export"));
    }

    [Fact]
    public async Task AuditList_UnknownExportInChinese_IsNamedInChinese()
    {
        var html = await RefusedPageAsync("/Audit?handler=Jsonl", "view-screening", "zh-CN");

        Assert.Contains("<li>未知的导出方式“Jsonl”；本页可用的导出方式为：Csv, JsonLines。未导出也未列出任何内容。</li>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit?handler=")]
    [InlineData("/Audit?handler=&patient=" + LoggedPatient)]
    [InlineData("/Audit/Access?handler=")]
    public async Task AuditListPages_EmptyHandler_IsThePageItself(string path)
    {
        // As an empty filter is no filter: handler= is the list, not an unknown export.
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/Audit?handler=Csv&handler=JsonLines")]
    [InlineData("/Audit?handler=JsonLines&handler=Csv")]
    [InlineData("/Audit/Access?handler=Csv&handler=JsonLines")]
    public async Task AuditPageExport_TwoHandlers_Is400NamingHandler_AndExportsNothing(string path)
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), path, "handler");

        Assert.Contains("handler", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLog_TwoHandlersTheFirstUnknown_IsRefusedAsGivenTwice()
    {
        // The list runs (the first handler is not the access log's): the repeat is what is named, not the unknown export.
        var html = await RefusedPageAsync("/Audit/Access?handler=JsonLines&handler=Csv", "view-access-log");

        Assert.DoesNotContain("Unknown export", html, StringComparison.Ordinal);
        Assert.Contains("handler", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Verify?run=true")]
    [InlineData("/Audit/Verify?run=true&from=")]
    [InlineData("/Audit/Verify?RUN=true&From=checkpoint")]
    public async Task Verify_ItsOwnFormsNames_StillVerify(string path)
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var before = await app.CountAccessEventsAsync("verify");

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, await app.CountAccessEventsAsync("verify"));
    }

    [Theory]
    [InlineData("/Audit/Access?user=x", "view-access-log", "未知的筛选条件“user”；本页可用的筛选条件为：from, to, who, kind, subject。")]
    [InlineData("/Audit/Impact?run=true&rulesSet=1.1.0", "impact-analysis", "未知的筛选条件“rulesSet”；本页可用的筛选条件为：from, to, baseline, version。")]
    public async Task AccessLogAndImpact_UnknownQueryNameInChinese_IsNamedInChinese(string path, string kind, string message)
    {
        var html = await RefusedPageAsync(path, kind, "zh-CN");

        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessLogPageCsv_UnknownFilter_Is400NamingIt_AndExportsNothing()
    {
        await app.LogAScreeningAsync();

        var (_, message) = await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), "/Audit/Access?handler=Csv&user=x", "user");

        Assert.StartsWith("Unknown filter 'user'", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Access?who=filter.who%40clinic.example&kind=view-access-log&subject=decision-log", "view-access-log")]
    [InlineData("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0", "impact-analysis")]
    public async Task AccessLogAndImpact_EveryNameTheirOwnFormAndLinksSend_IsRead(string path, string kind)
    {
        // The refusal of unknown names must not refuse the page's own: every field of its filter form (the hidden run
        // included), every link of the page back to itself (paging, newest, export), and the binder's Filter.* spelling.
        await app.LogAScreeningAsync();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var page = path[..path.IndexOf('?', StringComparison.Ordinal)];
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        var form = System.Text.RegularExpressions.Regex.Match(html, "<form method=\"get\" class=\"audit-filter\".*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        var fields = System.Text.RegularExpressions.Regex.Matches(form, "<(?:input|select)\\b[^>]*\\bname=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(fields);
        var urls = new List<string> { page + "?" + string.Join("&", fields.Select(f => f + "=" + (f == "run" ? "true" : ""))) };
        urls.AddRange(System.Text.RegularExpressions.Regex.Matches(html, $"href=\"({System.Text.RegularExpressions.Regex.Escape(page)}\\?[^\"]*)\"").Select(m => m.Groups[1].Value));
        if (page == "/Audit/Access")
        {
            // The "Older access events" link's cursor and the binder's prefixed spelling of the filter.
            urls.Add(page + "?before=5&who=filter.who%40clinic.example");
            urls.Add(page + "?Filter.Who=filter.who%40clinic.example&filter.kind=view-access-log");
        }

        foreach (var url in urls)
        {
            var before = await app.CountAccessEventsAsync(url.Contains("handler=Csv", StringComparison.Ordinal) ? "export" : kind);
            using var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, url + " answered " + response.StatusCode);
            Assert.Equal(before + 1, await app.CountAccessEventsAsync(url.Contains("handler=Csv", StringComparison.Ordinal) ? "export" : kind));
        }
    }

    [Fact]
    public async Task SignInAttempt_ControlCharactersInTheEmail_AreLoggedEscapedAndTheAccessCsvKeepsOneLineAnEvent()
    {
        // QA P11: a newline typed into an audit search was logged as U+FFFD: the auditor could not read what was typed. A
        // search with one is now refused (no email the logs hold has one: AuditList_ClinicianNoAccountCanHave_...), so
        // the typed value that is still recorded is an attempted email at sign-in.
        const string Typed = "dr\nwho\u0001\\n@clinic.example";
        using (var attempt = await app.Factory.CreateRawClient().PostAsync(
            "/api/auth/login",
            System.Net.Http.Json.JsonContent.Create(new { email = Typed, password = "wrong-password" })))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, attempt.StatusCode);
        }

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var who = await db.AccessEvents.Where(e => e.Kind == "sign-in-failed").OrderByDescending(e => e.Sequence).Select(e => e.UserEmail).FirstAsync();
            // A typed backslash is doubled, so that "\n" typed and a newline typed read differently.
            Assert.Equal("dr\\nwho\\u0001\\\\n@clinic.example", who);
            Assert.DoesNotContain(LogText.Replacement, who);
            Assert.DoesNotContain('\n', who);
        }

        var api = await app.ClientAsync(KetamineCdsFactory.Auditor);
        using var export = await api.GetAsync("/api/v1/audit/access.csv?kind=sign-in-failed");
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.All(lines.Skip(1), l => Assert.True(Guid.TryParse(l.Split(',')[0], out _), l));
        Assert.Contains(lines, l => l.Contains("dr\\nwho\\u0001", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("clinician=LONG", "'clinician' can be at most 256 characters: nothing longer is ever recorded.")]
    [InlineData("clinician=dr%00who%40clinic.example", "'clinician' holds a control character or an invisible mark")]
    [InlineData("clinician=dr%0Awho%40clinic.example", "'clinician' holds a control character or an invisible mark")]
    [InlineData("clinician=dr%E2%80%AEwho%40clinic.example", "'clinician' holds a control character or an invisible mark")] // U+202E, right-to-left override
    [InlineData("Filter.Clinician=dr%01who%40clinic.example", "'clinician' holds a control character or an invisible mark")]
    public async Task AuditList_ClinicianNoAccountCanHave_SaysWhyNextToItAndListsNothing(string query, string message)
    {
        // QA: clinician= of 5,000 characters or with a NUL answered 200 "No entries match", where the access log refuses a
        // who= longer than its column: an auditor read "recorded nothing" for a search that could match nothing.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit?" + query.Replace("LONG", new string('a', 257), StringComparison.Ordinal), "view-screening");

        Assert.Contains("<p class=\"field-error\" id=\"filter-clinician-error\">", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"filter-clinician-error\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#filter-clinician\">", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Correct the filter to list entries.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Csv", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_ClinicianWithAControlCharacterInChinese_SaysSoInChinese()
    {
        var html = await RefusedPageAsync("/Audit?clinician=dr%00who%40clinic.example", "view-screening", "zh-CN");

        Assert.Contains("“clinician”包含控制字符或会改变文字方向的不可见符号", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_ClinicianOfTheColumnsLength_StillLists()
    {
        await app.LogAScreeningAsync();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit?clinician=" + new string('a', 256 - "@clinic.example".Length) + "%40clinic.example");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/audit/export.csv?clinician=", "clinician")]
    [InlineData("/api/v1/audit/export.jsonl?clinician=", "clinician")]
    [InlineData("page:/Audit?handler=Csv&clinician=", "clinician")]
    [InlineData("page:/Audit?handler=JsonLines&clinician=", "clinician")]
    [InlineData("/api/v1/audit/access.csv?who=", "who")]
    [InlineData("/api/v1/audit/access.csv?subject=", "subject")]
    [InlineData("page:/Audit/Access?handler=Csv&who=", "who")]
    public async Task Export_TextFilterNoLogEntryCanHold_Is400NamingItAndExportsNothing(string path, string field)
    {
        await app.LogAScreeningAsync();
        var client = path.StartsWith("page:", StringComparison.Ordinal) ? await app.PageClientAsync(KetamineCdsFactory.Auditor) : await app.ClientAsync(KetamineCdsFactory.Auditor);
        foreach (var value in new[] { new string('a', 257), "dr\0who@clinic.example", "dr\u001Bwho@clinic.example" })
        {
            var (_, message) = await RefusedExportAsync(client, path.Replace("page:", "", StringComparison.Ordinal) + Uri.EscapeDataString(value), field);

            Assert.StartsWith($"'{field}' ", message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ChangePasswordApi_BodyThatIsNotJson_Is400WithoutTraceOrTheBearerToken()
    {
        var client = await app.Factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;

        using var response = await client.PostAsync("/api/auth/password", new StringContent("{\"currentPassword\":", System.Text.Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        foreach (var leak in new[] { token, "Bearer", "Authorization", "BadHttpRequestException", " at Microsoft." })
        {
            Assert.DoesNotContain(leak, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ApiExport_UnreadableDateInChinese_NamesTheFieldInChinese()
    {
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/audit/export.csv?from=2026-13-45");
        request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("无法将“from”读取为日期：请按 yyyy-mm-dd 格式填写，例如 2026-01-31。", problem.RootElement.GetProperty("errors").GetProperty("from")[0].GetString());
    }

    [Fact]
    public async Task ApiJsonLinesExport_UnreleasedRuleSet_Is400NamingTheReleasedOnes_AndAReleasedOneStillExports()
    {
        // QA109 F6: ruleSet=1.6 (never released; 1.6.0 is) answered an empty export as if no screening were under it.
        await app.LogAScreeningAsync();
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);

        var (_, message) = await RefusedExportAsync(client, "/api/v1/audit/export.jsonl?ruleSet=1.6", "ruleSet");
        foreach (var version in KetamineCds.Domain.Rules.RuleSetCatalog.All.Select(r => r.Version))
        {
            Assert.Contains(version, message, StringComparison.Ordinal);
        }

        var current = KetamineCds.Domain.Rules.RuleSetCatalog.Current.Version;
        using var released = await client.GetAsync($"/api/v1/audit/export.jsonl?ruleSet={current}&patient={LoggedPatient}");
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Contains(LoggedPatient, await released.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiExport_ReadableDates_StillExport()
    {
        await app.LogAScreeningAsync();
        var client = await app.ClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync($"/api/v1/audit/export.csv?from=2000-01-01&to=2999-12-31&overall=&patient={LoggedPatient}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoggedPatient, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-45", "from", "could not be read as a date")]
    [InlineData("to=notadate", "to", "could not be read as a date")]
    [InlineData("overall=maybe", "overall", "must be one of")]
    [InlineData("ruleSet=1.6", "ruleSet", "must be a released rule-set version: 1.0.0, 1.1.0,")] // QA109 F6: it said "No entries match."
    [InlineData("Filter.From=2026-13-45", "from", "could not be read as a date")] // QA11 F12: the binder's prefixed spelling
    [InlineData("filter.to=notadate", "to", "could not be read as a date")]
    [InlineData("Filter.From=2026-01-01&to=2026-01-31", "to", "was not used as given")] // the binder reads Filter.* only, and would drop 'to'
    // A date under both its spellings is given more than once: AuditPages_FilterUnderBothItsSpellings_...
    public async Task AuditList_UnreadableFilter_SaysWhichNextToItAndListsNothing(string query, string field, string message)
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit?" + query, "view-screening");

        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"filter-{field}-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"'{field}' " + message, html, StringComparison.Ordinal);
        Assert.Contains("Correct the filter to list entries.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Csv", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("before=abc")]
    [InlineData("before=-5")]
    [InlineData("before=5")]
    [InlineData("before=638000000000000000-x")]
    public async Task AuditList_UnreadablePageCursor_Is400SayingSoAndListsNothing(string query)
    {
        // QA141 F7: ?before=abc or ?before=-5 was ignored silently, and the first page listed as if asked for.
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit?" + query, "view-screening");

        Assert.Contains("'before' could not be read as a page of this list", html, StringComparison.Ordinal);
        Assert.Contains("Correct the filter to list entries.", html, StringComparison.Ordinal);
        Assert.DoesNotContain(LoggedPatient, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditList_PageCursorFromTheNextLink_StillLists()
    {
        await app.LogAScreeningAsync();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit?before=" + new AuditCursor(DateTimeOffset.UtcNow.AddDays(1), long.MaxValue).Encode());
        using var empty = await client.GetAsync("/Audit?before=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoggedPatient, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
    }

    [Fact]
    public async Task AuditList_DatesUnderTheBindersSpelling_StillList()
    {
        // The same date under both spellings listed too; it is now refused as given more than once
        // (AuditPages_FilterUnderBothItsSpellings_...), whatever the values, as a text filter is.
        await app.LogAScreeningAsync();
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit?Filter.From=2000-01-01&Filter.To=2999-12-31");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(LoggedPatient, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("to=notadate")]
    [InlineData("Filter.To=notadate")]
    public async Task AuditList_UnreadableDateInChinese_SaysSoInChinese(string query)
    {
        var html = await RefusedPageAsync("/Audit?" + query, "view-screening", "zh-CN");

        Assert.Contains("无法将“to”读取为日期：请按 yyyy-mm-dd 格式填写，例如 2026-01-31。", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2026-13-45", "from")]
    [InlineData("to=notadate", "to")]
    [InlineData("overall=maybe", "overall")]
    [InlineData("Filter.From=garbage", "from")] // QA11 F12: this exported the whole log
    [InlineData("FILTER.TO=2026-02-30", "to")]
    [InlineData("Filter.From=2026-01-01&from=garbage", "from")]
    [InlineData("from=2026-01-01&Filter.From=2026-06-01", "from")]
    public async Task AuditPageCsv_UnreadableFilter_Is400FieldProblemAndExportsNothing(string query, string field)
    {
        await app.LogAScreeningAsync();

        await RefusedExportAsync(await app.PageClientAsync(KetamineCdsFactory.Auditor), "/Audit?handler=Csv&" + query, field);
    }

    [Theory]
    [InlineData("from=2026-13-45", "from", "could not be read as a date")]
    [InlineData("to=notadate", "to", "could not be read as a date")]
    [InlineData("version=9.9.9", "version", "must be a released rule-set version: 1.0.0, 1.1.0, 1.2.0")]
    [InlineData("baseline=9.9.9", "baseline", "must be a released rule-set version: 1.0.0, 1.1.0, 1.2.0")]
    public async Task Impact_UnreadableFilter_SaysWhichNextToItAndAnalysesNothing(string query, string field, string message)
    {
        await app.LogAScreeningAsync();

        var html = await RefusedPageAsync("/Audit/Impact?run=true&" + query, "impact-analysis");

        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\">", html, StringComparison.Ordinal);
        Assert.Contains($"'{field}' " + message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("would change verdict", html, StringComparison.Ordinal);
        Assert.DoesNotContain("examined against", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impact_KnownVersions_StillAnalyse()
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);

        using var response = await client.GetAsync("/Audit/Impact?run=true&baseline=1.0.0&version=1.1.0&from=2000-01-01");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("would change verdict", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_UnknownFrom_SaysSoAndVerifiesNothing()
    {
        var html = await RefusedPageAsync("/Audit/Verify?run=true&from=yesterday", "verify");

        Assert.Contains("<p class=\"field-error\" id=\"filter-from-error\">", html, StringComparison.Ordinal);
        Assert.Contains("'from' must be empty (all of the log) or 'checkpoint'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Verified in", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Audit/Verify?run=yes", "verify")]
    [InlineData("/Audit/Impact?run=yes&from=2026-01-01", "impact-analysis")]
    public async Task RunThatIsNotTrueOrFalse_SaysSoAndRunsNothing(string path, string kind)
    {
        var html = await RefusedPageAsync(path, kind);

        Assert.Contains("'run' must be true (run it) or false; nothing was run.", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// A refused audit page: <paramref name="message"/> beside <paramref name="field"/> (tied to its control) and, alone, in
    /// the error summary, linked to it; no table and no entry listed.
    /// </summary>
    private static void AssertRefusedBesideItsField(string html, string field, string message)
    {
        Assert.Contains($"<p class=\"field-error\" id=\"filter-{field}-error\"><span class=\"visually-hidden\">Error: </span>{message}</p>", html, StringComparison.Ordinal);
        // QA F5: the summary links to the control (the box, or a group's first choice), as the screening form's does, not
        // to the message beside it.
        Assert.Contains($"<li><a href=\"#{ControlOf(html, field)}\">{message}</a></li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"#filter-{field}-error\"", html, StringComparison.Ordinal);
        var summary = System.Text.RegularExpressions.Regex.Match(html, "<div class=\"error-summary\".*?</div>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(summary, "<li>"));
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Audit/Screening/", html, StringComparison.Ordinal);
    }

    /// <summary>
    /// The id of the control that <paramref name="field"/>'s message is tied to (its aria-describedby names the message): the
    /// box, or a group's first choice.
    /// </summary>
    internal static string ControlOf(string html, string field)
    {
        var tag = System.Text.RegularExpressions.Regex.Match(html, $"<(input|select|textarea|fieldset)\\b[^>]*aria-describedby=\"(?:[^\"]* )?filter-{field}-error(?: [^\"]*)?\"[^>]*>");
        Assert.True(tag.Success, $"no control is described by filter-{field}-error");
        var id = tag.Groups[1].Value == "fieldset"
            ? System.Text.RegularExpressions.Regex.Match(html[tag.Index..], "<input\\b[^>]*\\bid=\"([^\"]+)\"")
            : System.Text.RegularExpressions.Regex.Match(tag.Value, "\\bid=\"([^\"]+)\"");
        Assert.True(id.Success, $"the control described by filter-{field}-error has no id");
        return id.Groups[1].Value;
    }

    /// <summary>
    /// Gets an audit page as the auditor (in <paramref name="language"/>, or the default) and asserts that it is refused
    /// (400) and that it recorded no access event of <paramref name="kind"/> (nothing listed, analysed or verified);
    /// returns the page's decoded HTML.
    /// </summary>
    private async Task<string> RefusedPageAsync(string path, string kind, string? language = null)
    {
        var client = await app.PageClientAsync(KetamineCdsFactory.Auditor);
        var before = await app.CountAccessEventsAsync(kind);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", language);
        }

        using var response = await client.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.CountAccessEventsAsync(kind));
        return html;
    }

    /// <summary>
    /// Gets an export as <paramref name="client"/> (API or audit page) and asserts that it is refused with a problem
    /// (400, application/problem+json) naming <paramref name="field"/> alone, that it holds nothing of the logged
    /// patient and that no export was recorded; returns the body and the field's message.
    /// </summary>
    private async Task<(string Body, string Message)> RefusedExportAsync(HttpClient client, string path, string field)
    {
        var exportsBefore = await app.CountAccessEventsAsync("export");

        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        var message = ProblemAssert.RefusedOneField(response, body, field);
        Assert.DoesNotContain(LoggedPatient, body, StringComparison.Ordinal);
        Assert.Equal(exportsBefore, await app.CountAccessEventsAsync("export"));
        return (body, message!);
    }

    public sealed class App : IDisposable
    {
        private readonly Dictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
        private bool _logged;

        public KetamineCdsFactory Factory { get; } = new();

        public async Task<HttpClient> ClientAsync(string email) =>
            _clients.TryGetValue("api:" + email, out var client) ? client : _clients["api:" + email] = await Factory.CreateApiClientAsync(email);

        public async Task<HttpClient> PageClientAsync(string email) =>
            _clients.TryGetValue("page:" + email, out var client) ? client : _clients["page:" + email] = await Factory.CreatePageClientAsync(email);

        /// <summary>One screening in the log, so that an unfiltered list or export would show it.</summary>
        public async Task LogAScreeningAsync()
        {
            if (_logged)
            {
                return;
            }

            await LogAScreeningAsync(LoggedPatient);
            _logged = true;
        }

        /// <summary>A screening of this patient in the log.</summary>
        public async Task LogAScreeningAsync(string patientReference) =>
            await Factory.RecordScreeningThroughApiAsync(patientReference, await ClientAsync(KetamineCdsFactory.Psychiatrist));

        public async Task<int> CountAccessEventsAsync(string kind)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            return await db.AccessEvents.CountAsync(e => e.Kind == kind);
        }

        public void Dispose() => Factory.Dispose();
    }
}
