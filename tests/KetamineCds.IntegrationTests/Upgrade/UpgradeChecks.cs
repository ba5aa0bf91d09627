using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KetamineCds.IntegrationTests.Upgrade;

/// <summary>
/// What docs/operations.md ("Upgrading to a new version") promises after the new version starts on the old database,
/// checked through the app as a clinic would: the migrations applied, ready, Audit > Verify intact, every old decision
/// replays to its recorded verdict under its recorded rule set, the old accounts sign in (one with its second factor),
/// a patient's screenings are found whatever the case of the reference, and a new screening chains on after the old
/// entries.
/// </summary>
public static class UpgradeChecks
{
    public static async Task AssertTheAuditTrailIsKeptAsync(UpgradedApp app, IReadOnlyList<OldEntry> expected, int oldCheckpoints, string? leeAuthenticatorKey)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(expected);
        using var client = app.Raw();

        // The app started (the first request starts it) and applied every migration the old build did not have.
        await using (var db = app.Db())
        {
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        }

        Assert.Equal("Healthy", await client.GetStringAsync("/health/ready"));

        // The old entries are there as recorded: the same sequence, type and verdict; the rule set each was made under.
        List<DecisionLogEntry> old;
        await using (var db = app.Db())
        {
            old = await db.DecisionLogEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        }

        Assert.Equal(expected.Select(e => (e.Sequence, e.EntryType, e.Overall, e.RuleSetVersion)), old.Select(e => (e.Sequence, e.EntryType, e.Overall, e.RuleSetVersion)));

        // Audit > Verify: the chain, the checkpoints the old build signed (its key trusted) and the access log hold.
        var auditor = await ApiClientAsync(app, "auditor@demo.local", UpgradeFixture.DemoPassword);
        var verify = await GetJsonAsync(auditor, "/api/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(expected.Count, verify["checked"]!.GetValue<long>());
        Assert.Equal(oldCheckpoints, verify["checkpoints"]!["holding"]!.GetValue<int>());
        Assert.True(verify["access"]!["intact"]!.GetValue<bool>(), verify.ToJsonString());

        // Every old decision replays: the recorded rule set is found with its digest, and the verdict is reproduced.
        foreach (var entry in expected)
        {
            using var replay = await auditor.GetAsync($"/api/v1/audit/screenings/{entry.Sequence}/replay");
            if (entry.Overall is null)
            {
                // An override or a correction's link ran no rules: nothing to replay.
                Assert.Equal(HttpStatusCode.NotFound, replay.StatusCode);
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            var body = JsonNode.Parse(await replay.Content.ReadAsStringAsync())!;
            Assert.True(body["entryVerifies"]!.GetValue<bool>(), body.ToJsonString());
            if (entry.EntryType == DecisionLogEntryTypes.HookAnswer)
            {
                // The old build kept no inputs with a CDS Hooks answer (they are kept since QA158 F2): the replay says so,
                // as docs/cds-hooks.md promises, and is never an error. The answer's verdict is still the one recorded.
                Assert.True(body["outcome"]!.GetValue<string>() == "inputs-not-kept", $"entry {entry.Sequence}: {body.ToJsonString()}");
                Assert.True(body["ruleSetFound"]!.GetValue<bool>(), body.ToJsonString());
                continue;
            }

            Assert.True(body["outcome"]!.GetValue<string>() == "reproduced", $"entry {entry.Sequence}: {body.ToJsonString()}");
            Assert.Equal(entry.Overall, body["replayedOverall"]!.GetValue<string>());
            Assert.Equal(entry.RuleSetVersion, body["ruleSet"]!["version"]!.GetValue<string>());
        }

        // The old accounts sign in. Lee (made by an administrator in the first build), with the second factor enrolled in
        // the second build where there is one: refused without it, accepted with a code from the authenticator app.
        HttpClient lee;
        if (leeAuthenticatorKey is null)
        {
            lee = await ApiClientAsync(app, UpgradeFixture.Lee.ToLowerInvariant(), UpgradeFixture.LeePassword);
        }
        else
        {
            using (var withoutCode = await client.PostAsJsonAsync("/api/auth/login", new { email = UpgradeFixture.Lee, password = UpgradeFixture.LeePassword }))
            {
                Assert.Equal(HttpStatusCode.Unauthorized, withoutCode.StatusCode);
                Assert.Contains("RequiresTwoFactor", await withoutCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            lee = await ApiClientAsync(app, UpgradeFixture.Lee.ToLowerInvariant(), UpgradeFixture.LeePassword, TestTotp.Code(leeAuthenticatorKey));

            // Kim, made in the second build with a first password changed at the first sign-in.
            _ = await ApiClientAsync(app, UpgradeFixture.Kim, UpgradeFixture.KimPassword);

            // Through the sign-in page too: Kim is signed in (not sent to change the password again), Lee is asked for the code.
            Assert.DoesNotContain("/Account/", await PageSignInAsync(app, UpgradeFixture.Kim, UpgradeFixture.KimPassword), StringComparison.Ordinal);
            Assert.Contains("/Account/LoginWithCode", await PageSignInAsync(app, UpgradeFixture.Lee, UpgradeFixture.LeePassword), StringComparison.Ordinal);
        }

        // The patient's screenings recorded under three spellings of one reference are one patient's.
        var psychiatrist = await ApiClientAsync(app, "psychiatrist@demo.local", UpgradeFixture.DemoPassword);
        var listed = await GetJsonAsync(psychiatrist, "/api/v1/screenings?patientReference=UPG-A1");
        var a1 = expected.Count(e => e.EntryType == DecisionLogEntryTypes.Screening && e.PatientReference.Trim().Equals("upg-a1", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(a1, Items(listed).Count);

        // A new screening (by the account with the second factor) chains on after the last old entry.
        using (var created = await lee.PostAsync("/api/v1/screenings", JsonContent.Create(CompleteScreeningBodies.RequiredAnswers("UPG-NEW-1"))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using (var db = app.Db())
        {
            var last = old[^1];
            var added = await db.DecisionLogEntries.AsNoTracking().SingleAsync(e => e.Sequence > last.Sequence);
            Assert.Equal(last.Sequence + 1, added.Sequence);
            Assert.Equal(last.Hash, added.PreviousHash);
            Assert.Equal(UpgradeFixture.Lee, added.ActorEmail, ignoreCase: true);
        }

        verify = await GetJsonAsync(auditor, "/api/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(expected.Count + 1, verify["checked"]!.GetValue<long>());

        // And the new version signs a checkpoint over old and new entries with its own key.
        using var checkpoint = await auditor.PostAsync("/api/v1/audit/checkpoints", null);
        Assert.True(checkpoint.IsSuccessStatusCode, await checkpoint.Content.ReadAsStringAsync());
        verify = await GetJsonAsync(auditor, "/api/v1/audit/verify");
        Assert.True(verify["intact"]!.GetValue<bool>(), verify.ToJsonString());
        Assert.Equal(oldCheckpoints + 1, verify["checkpoints"]!["holding"]!.GetValue<int>());
    }

    /// <summary>Signs in on /Account/Login as a browser does and returns where the page sends the user.</summary>
    private static async Task<string> PageSignInAsync(UpgradedApp app, string email, string password)
    {
        using var client = app.Raw();
        var form = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{email}: {(int)response.StatusCode}");
        return response.Headers.Location!.OriginalString;
    }

    private static JsonArray Items(JsonNode listed) => listed as JsonArray ?? listed["items"]!.AsArray();

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static async Task<HttpClient> ApiClientAsync(UpgradedApp app, string email, string password, string? twoFactorCode = null)
    {
        var client = app.Raw();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password, twoFactorCode });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{email} could not sign in: {(int)response.StatusCode} {text}");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(text)!["accessToken"]!.GetValue<string>());
        return client;
    }
}
