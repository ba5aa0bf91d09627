using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using KetamineCds.ApiClient.Tests.Generated.Models;
using Microsoft.Kiota.Abstractions;

namespace KetamineCds.ApiClient.Tests;

/// <summary>The client Kiota generated from the OpenAPI document creates and reads screenings against the running app.</summary>
public sealed class GeneratedClientTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static ScreeningRequest TreatmentResistantDepression(string patientReference) => new()
    {
        PatientReference = patientReference,
        AgeYears = 45,
        SexAtBirth = SexAtBirth.Male,
        Jurisdiction = Jurisdiction.Us,
        PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
        CurrentDepressiveEpisode = true,
        FailedAdequateTrials = 2,
        DistinctMechanisms = 2,
        OnOralAntidepressant = true,
        Psychosis = PsychosisStatus.None,
        Suicidality = Suicidality.None,
        SubstanceUse = SubstanceUse.None,
        SystolicBp = 122,
        DiastolicBp = 78,
        HepaticImpairment = HepaticImpairment.None,
        ClinicianNote = "Generated client test.",
    };

    [Fact]
    public async Task PostThenGet_ThroughGeneratedClient_ReadsBackTheTypedScreening()
    {
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var reference = "GEN-" + Guid.NewGuid().ToString("N")[..8];

        ScreeningResponse? created;
        try
        {
            created = await client.Api.V1.Screenings.PostAsync(TreatmentResistantDepression(reference));
        }
        catch (HttpValidationProblemDetails problem)
        {
            Assert.Fail("400: " + string.Join("; ", problem.Errors!.AdditionalData.Select(e => e.Key + ": " + JsonSerializer.Serialize(e.Value))));
            throw;
        }

        Assert.NotNull(created);
        Assert.NotNull(created.Id);
        Assert.Equal(AppFactory.Psychiatrist, created.RecordedBy);
        Assert.NotNull(created.Overall);
        Assert.False(string.IsNullOrEmpty(created.RuleSet?.Version));
        Assert.StartsWith("sha256:", created.RuleSet!.Digest);
        Assert.Equal(Enum.GetValues<Pathway>().Order(), created.Pathways!.Select(p => p.Pathway!.Value).Order());
        Assert.All(created.Pathways!, p => Assert.NotNull(p.Status));
        Assert.All(created.Findings!, f =>
        {
            Assert.NotNull(f.Kind);
            Assert.NotNull(f.Severity);
            Assert.False(string.IsNullOrEmpty(f.RuleId));
            Assert.True(f.Principles!.Count + f.Sources!.Count > 0, $"{f.RuleId} cites nothing");
        });
        Assert.Equal(reference, created.Input!.PatientReference);
        Assert.Equal(45, created.Input.AgeYears);
        Assert.Equal(PrimaryDiagnosis.Mdd, created.Input.PrimaryDiagnosis);
        Assert.Equal(PsychosisStatus.None, created.Input.Psychosis);
        Assert.Equal(122, created.Input.SystolicBp);

        var read = await client.Api.V1.Screenings[created.Id.Value].GetAsync();

        Assert.NotNull(read);
        Assert.Equal(created.Id, read.Id);
        Assert.Equal(created.Overall, read.Overall);
        Assert.Equal(created.Pathways!.Select(p => (p.Pathway, p.Status)), read.Pathways!.Select(p => (p.Pathway, p.Status)));
        Assert.Equal(created.Findings!.Select(f => (f.RuleId, f.Kind, f.Severity)), read.Findings!.Select(f => (f.RuleId, f.Kind, f.Severity)));
        Assert.Equal(reference, read.Input!.PatientReference);
        Assert.Equal(SexAtBirth.Male, read.Input.SexAtBirth);

        // The generated enumeration maps the same string the wire carries.
        using var http = factory.CreateClient();
        var token = await SignInRawAsync(http);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/screenings/{created.Id}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request);
        using var raw = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(raw.RootElement.GetProperty("overall").GetString(), WireValue(read.Overall!.Value));
        Assert.Equal(
            raw.RootElement.GetProperty("pathways").EnumerateArray().Select(p => p.GetProperty("status").GetString()),
            read.Pathways!.Select(p => WireValue(p.Status!.Value)));

        var list = await client.Api.V1.Screenings.GetAsync(c => c.QueryParameters.PatientReference = reference);
        Assert.Equal([created.Id], list!.Items!.Select(s => s.Id));
    }

    [Theory]
    [InlineData("en", "KetamineCds supports, and never replaces, the clinician's judgement.")]
    [InlineData("zh-CN", "KetamineCds 辅助而绝不取代临床医生的判断。")]
    public async Task PostGetAndList_ThroughGeneratedClient_ReadTheNoticeInTheRequestsLanguage(string language, string notice)
    {
        // QA13 L3: an integrator showing the result in its own UI has the statement to show with it.
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var reference = "GEN-N-" + Guid.NewGuid().ToString("N")[..8];
        void InLanguage(RequestConfiguration<DefaultQueryParameters> c) => c.Headers.Add("Accept-Language", language);

        var created = await client.Api.V1.Screenings.PostAsync(TreatmentResistantDepression(reference), c => c.Headers.Add("Accept-Language", language));
        var read = await client.Api.V1.Screenings[created!.Id!.Value].GetAsync(InLanguage);
        var list = await client.Api.V1.Screenings.GetAsync(c =>
        {
            c.QueryParameters.PatientReference = reference;
            c.Headers.Add("Accept-Language", language);
        });

        Assert.Equal(notice, created.Notice);
        Assert.Equal(notice, read!.Notice);
        Assert.Equal(notice, Assert.Single(list!.Items!).Notice);
    }

    [Fact]
    public async Task PostCorrection_ThroughGeneratedClient_RecordsANewScreeningThatNamesWhatItCorrectsAndWhy()
    {
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var reference = "GEN-C-" + Guid.NewGuid().ToString("N")[..8];
        var earlier = await client.Api.V1.Screenings.PostAsync(TreatmentResistantDepression(reference));

        var correction = await client.Api.V1.Screenings[earlier!.Id!.Value].Corrections.PostAsync(new CorrectionRequest
        {
            PatientReference = reference,
            AgeYears = 45,
            SexAtBirth = SexAtBirth.Male,
            PrimaryDiagnosis = PrimaryDiagnosis.Mdd,
            CurrentDepressiveEpisode = true,
            FailedAdequateTrials = 3,
            OnOralAntidepressant = true,
            Psychosis = PsychosisStatus.None,
            Suicidality = Suicidality.None,
            CorrectionReason = "Trials were 3, not 2 (pharmacy record).",
        });

        Assert.NotNull(correction);
        Assert.NotEqual(earlier.Id, correction.Id);
        Assert.Equal(earlier.Id, correction.Corrects);
        Assert.Equal("Trials were 3, not 2 (pharmacy record).", correction.CorrectionReason);
        Assert.Null(correction.RescreenOf);
        Assert.Equal(3, correction.Input!.FailedAdequateTrials);
        var unchanged = await client.Api.V1.Screenings[earlier.Id.Value].GetAsync();
        Assert.Null(unchanged!.Corrects);
        Assert.Equal(2, unchanged.Input!.FailedAdequateTrials);
        // Unchanged, but no longer silent about it: its later entries name the correction, typed.
        var later = Assert.Single(unchanged.LaterEntries!);
        Assert.Equal(correction.Id, later.Id);
        Assert.Equal(LaterScreeningKind.Correction, later.Kind);
        Assert.Equal(correction.RecordedAt, later.RecordedAt);
        Assert.Equal("Trials were 3, not 2 (pharmacy record).", later.CorrectionReason);
        Assert.Equal($"/api/v1/screenings/{correction.Id}", later.Link);
        Assert.Null(unchanged.UnreadableLaterEntries);

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Api.V1.Screenings[earlier.Id.Value].Corrections.PostAsync(new CorrectionRequest
        {
            PatientReference = reference,
            AgeYears = 45,
        }));
        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Contains("correctionReason", problem.Errors!.AdditionalData.Keys);
    }

    [Fact]
    public async Task GetAndList_OverriddenScreening_ThroughGeneratedClient_ReadTheDecisionInForceTyped()
    {
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var reference = "GEN-O-" + Guid.NewGuid().ToString("N")[..8];
        var screening = await client.Api.V1.Screenings.PostAsync(TreatmentResistantDepression(reference));
        Assert.Null(screening!.Overrides);
        await factory.RecordOverrideAsync(screening.Id!.Value, KetamineCds.Infrastructure.DecisionLog.OverrideDecision.Proceed, "Reviewed with the patient.");
        await factory.RecordOverrideAsync(screening.Id.Value, KetamineCds.Infrastructure.DecisionLog.OverrideDecision.DoNotProceed, "Patient declined.");

        var read = await client.Api.V1.Screenings[screening.Id.Value].GetAsync();
        var listed = await client.Api.V1.Screenings.GetAsync(r => r.QueryParameters.PatientReference = reference);

        // Oldest first: the last is the decision in force, read beside overall.
        Assert.Equal([OverrideDecision.Proceed, OverrideDecision.DoNotProceed], read!.Overrides!.Select(o => o.Decision));
        var inForce = read.Overrides![^1];
        Assert.Equal(OverrideReason.PatientPreference, inForce.Reason);
        Assert.Equal("Patient declined.", inForce.Explanation);
        Assert.Equal(AppFactory.Psychiatrist, inForce.RecordedBy);
        Assert.NotNull(inForce.Id);
        Assert.NotNull(inForce.RecordedAt);
        var item = Assert.Single(listed!.Items!);
        Assert.Equal(read.Overrides.Select(o => (o.Id, o.Decision, o.Explanation)), item.Overrides!.Select(o => (o.Id, o.Decision, o.Explanation)));
    }

    [Fact]
    public async Task Post_OutOfRangeAndMissingFields_GivesValidationProblemWithFieldErrors()
    {
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var request = TreatmentResistantDepression("GEN-BAD");
        request.AgeYears = 130;
        request.Psychosis = null;

        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => client.Api.V1.Screenings.PostAsync(request));

        Assert.Equal(400, problem.ResponseStatusCode);
        Assert.Equal(400, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Title));
        Assert.Contains("ageYears", problem.Errors!.AdditionalData.Keys);
        Assert.Contains("psychosis", problem.Errors.AdditionalData.Keys);
    }

    [Fact]
    public async Task Post_WithoutToken_GivesUnauthorized()
    {
        var client = factory.CreateGeneratedClient();

        var error = await Assert.ThrowsAnyAsync<ApiException>(() => client.Api.V1.Screenings.PostAsync(TreatmentResistantDepression("GEN-ANON")));

        Assert.Equal(401, error.ResponseStatusCode);
    }

    [Fact]
    public async Task RuleSetAndDiff_ThroughGeneratedClient_AreTyped()
    {
        var client = await factory.SignInAsync(AppFactory.Psychiatrist);
        var expected = KetamineCds.Domain.Rules.RuleSetDiff.Between(
            KetamineCds.Domain.Rules.RuleSetCatalog.V1_0_0, KetamineCds.Domain.Rules.RuleSetCatalog.V1_1_0);

        var current = await client.Api.V1.Ruleset.GetAsync();
        var diff = await client.Api.V1.Ruleset.Diff.GetAsync(c =>
        {
            c.QueryParameters.From = "1.0.0";
            c.QueryParameters.To = "1.1.0";
        });

        Assert.Equal(KetamineCds.Domain.Rules.RuleSetCatalog.Current.Version, current!.Version);
        Assert.True(current.Current);
        Assert.Equal(KetamineCds.Domain.Rules.RuleSetCatalog.All.Select(r => r.Version), current.Released);
        Assert.Equal(KetamineCds.Domain.Rules.RuleSetCatalog.Current.Rules.Select(r => r.Id), current.Rules!.Select(r => r.Id));
        Assert.Equal("1.0.0", diff!.From!.Version);
        Assert.Equal(KetamineCds.Domain.Rules.RuleSetCatalog.V1_1_0.Digest, diff.To!.Digest);
        Assert.True(diff.PolicyChanged);
        Assert.Equal(expected.Added.Select(r => r.Id), diff.Added!.Select(r => r.Id));
        Assert.Equal(expected.Removed.Select(r => r.Id), diff.Removed!.Select(r => r.Id));
        var psy002 = diff.Changed!.Single(c => c.Id == "PSY-002");
        Assert.Contains("severity", psy002.Fields!);
        Assert.Equal(RuleDescription_severity.Moderate, psy002.Before!.Severity);
        Assert.Equal(RuleDescription_severity.High, psy002.After!.Severity);
    }

    [Fact]
    public async Task LoginThenRefresh_ThroughGeneratedClient_GivesATokenThatWorksAndMissingCredentialsAre400()
    {
        var anonymous = factory.CreateGeneratedClient();
        var signedIn = await anonymous.Api.Auth.Login.PostAsync(new LoginRequest { Email = AppFactory.Psychiatrist, Password = AppFactory.Password });

        var refreshed = await anonymous.Api.Auth.Refresh.PostAsync(new RefreshRequest { RefreshToken = signedIn!.RefreshToken });

        Assert.False(string.IsNullOrEmpty(refreshed?.AccessToken));
        Assert.NotEqual(signedIn.RefreshToken, refreshed.RefreshToken);
        var client = factory.CreateGeneratedClient(new Microsoft.Kiota.Abstractions.Authentication.BaseBearerTokenAuthenticationProvider(new Token(refreshed.AccessToken!)));
        Assert.NotNull(await client.Api.V1.Ruleset.GetAsync());
        var problem = await Assert.ThrowsAsync<HttpValidationProblemDetails>(() => anonymous.Api.Auth.Login.PostAsync(new LoginRequest { Email = AppFactory.Psychiatrist }));
        Assert.Contains("password", problem.Errors!.AdditionalData.Keys);
    }

    private static async Task<string> SignInRawAsync(HttpClient http)
    {
        using var login = await http.PostAsync("/api/auth/login", new StringContent(
            JsonSerializer.Serialize(new { email = AppFactory.Psychiatrist, password = AppFactory.Password }), System.Text.Encoding.UTF8, "application/json"));
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private sealed class Token(string token) : Microsoft.Kiota.Abstractions.Authentication.IAccessTokenProvider
    {
        public Microsoft.Kiota.Abstractions.Authentication.AllowedHostsValidator AllowedHostsValidator { get; } = new();

        public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(token);
    }

    [Fact]
    public async Task Replay_ThroughGeneratedClient_ReadsTheTypedOutcomeAndRuleSet()
    {
        var psychiatrist = await factory.SignInAsync(AppFactory.Psychiatrist);
        var created = await psychiatrist.Api.V1.Screenings.PostAsync(TreatmentResistantDepression("GEN-R-" + Guid.NewGuid().ToString("N")[..8]));
        var log = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<KetamineCds.Infrastructure.DecisionLog.IDecisionLog>(factory.Services);
        var sequence = (await log.FindScreeningAsync(created!.Id!.Value))!.Sequence;
        var auditor = await factory.SignInAsync(AppFactory.Auditor);

        var replay = await auditor.Api.V1.Audit.Screenings[sequence].Replay.GetAsync();

        Assert.NotNull(replay);
        Assert.Equal(ReplayOutcome.Reproduced, replay.Outcome);
        Assert.Equal("reproduced", WireValue(ReplayOutcome.Reproduced));
        Assert.True(replay.Reproduced);
        Assert.True(replay.InputsAgree);
        Assert.Equal(created.RuleSet!.Version, replay.RuleSet!.Version);
        Assert.Equal(created.RuleSet.Digest, replay.RuleSet.Digest);
        Assert.Empty(replay.Differences!);
        // The verdict recomputed reads as the generated verdict enumeration, as a screening's overall does.
        Assert.NotNull(replay.ReplayedOverall);
        Assert.Equal(created.Overall, replay.ReplayedOverall);
        await Assert.ThrowsAsync<ProblemDetails>(() => auditor.Api.V1.Audit.Screenings[987654321].Replay.GetAsync());
    }

    private static string? WireValue<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        typeof(TEnum).GetField(value.ToString())!.GetCustomAttribute<EnumMemberAttribute>()!.Value;
}
