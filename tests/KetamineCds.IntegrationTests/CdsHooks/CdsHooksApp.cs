using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.IntegrationTests.Fixtures;
using KetamineCds.Samples.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// The app in Development (demo accounts) on SQLite or on a PostgreSQL database of the shared cluster, trusting one
/// test EHR (<see cref="Issuer"/>) whose JWKS file holds <see cref="Trusted"/>'s public key. The demo EHR is off.
/// </summary>
public sealed class CdsHooksApp : WebApplicationFactory<Program>
{
    public const string Issuer = "https://ehr.test.example";
    public const string Password = "Demo!Passw0rd1";
    public const string Origin = "http://localhost";

    /// <summary>The patient-view service's path, as the CDS Hooks tests call it (one place for every test class).</summary>
    public const string PatientView = "/cds-services/ketamine-screening-patient-view";

    /// <summary>The order-sign service's path.</summary>
    public const string OrderSign = "/cds-services/ketamine-screening-order-sign";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ketaminecds-hooks-{Guid.NewGuid():N}");
    private readonly PostgresCluster? _cluster;
    private readonly string? _database;

    private CdsHooksApp(PostgresCluster? cluster, string? database)
    {
        _cluster = cluster;
        _database = database;
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "ehr.jwks.json"), Trusted.PublicJwks());
    }

    /// <summary>A clock to use instead of the system's, or null; set before the app's first use.</summary>
    public TimeProvider? Clock { get; set; }

    /// <summary>The card language configured for the trusted EHR (<c>CdsHooks:Clients:0:Language</c>), or null.</summary>
    public string? ClientLanguage { get; set; }

    /// <summary>The identifier system of the clinic's record number configured for the trusted EHR (<c>CdsHooks:Clients:0:PatientIdentifierSystem</c>), or null.</summary>
    public string? ClientPatientIdentifierSystem { get; set; }

    /// <summary>The trusted EHR's signing key.</summary>
    public ClientToken Trusted { get; } = ClientToken.Generate("ehr-key-1");

    public static CdsHooksApp Sqlite() => new(null, null);

    public static async Task<CdsHooksApp> PostgresAsync(PostgresCluster cluster) => new(cluster, await cluster.CreateDatabaseAsync("hooks"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        if (_cluster is null)
        {
            builder.UseSetting("Database:Provider", "sqlite");
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={Path.Combine(_folder, "app.db")}");
        }
        else
        {
            builder.UseSetting("Database:Provider", "postgres");
            builder.UseSetting("Database:AppRole", "ketaminecds_app");
            builder.UseSetting("ConnectionStrings:KetamineCds", _cluster.ConnectionString("ketaminecds_app", _database!, "ketaminecds-hooks"));
            builder.UseSetting("ConnectionStrings:KetamineCdsMigrations", _cluster.SuperuserConnectionString(_database!));
        }

        builder.UseSetting("Audit:CheckpointDirectory", Path.Combine(_folder, "checkpoints"));
        builder.UseSetting("RateLimiting:SignInPerMinute", "10000");
        builder.UseSetting("CdsHooks:DemoClient", "false");
        builder.ConfigureServices(TestPasswordHashing.Use);
        builder.UseSetting("CdsHooks:Clients:0:Issuer", Issuer);
        builder.UseSetting("CdsHooks:Clients:0:JwksPath", Path.Combine(_folder, "ehr.jwks.json"));
        if (ClientLanguage is not null)
        {
            builder.UseSetting("CdsHooks:Clients:0:Language", ClientLanguage);
        }

        if (ClientPatientIdentifierSystem is not null)
        {
            builder.UseSetting("CdsHooks:Clients:0:PatientIdentifierSystem", ClientPatientIdentifierSystem);
        }

        if (Clock is not null)
        {
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Clock);
            });
        }
    }

    /// <summary>Starts the app on Kestrel on a free port (its limits, not the test server's) and returns its base address.</summary>
    public string StartOnARealPort()
    {
        UseKestrel(0);
        StartServer();
        return Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    /// <summary>A client that sends no credentials and follows no redirects.</summary>
    public HttpClient Raw() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Sends a hook call (or feedback) signed by <paramref name="bearer"/> (default: the trusted key, aud = the URL).</summary>
    public async Task<HttpResponseMessage> PostAsync(string path, string body, string? bearer = null, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer ?? Token(path));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await Raw().SendAsync(request);
    }

    /// <summary>Sends a hook call to <paramref name="path"/> (as <see cref="PostAsync"/>), checks it is answered 200, and returns its cards.</summary>
    public async Task<JsonArray> CardsAsync(string path, JsonObject call, string? acceptLanguage = null)
    {
        using var response = await PostAsync(path, call.ToJsonString(), acceptLanguage: acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]!.AsArray();
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Raw().SendAsync(request);
    }

    /// <summary>A valid token for a call to <paramref name="path"/>.</summary>
    public string Token(string path, string? jti = null) => Trusted.Create(Issuer, Origin + path, jti: jti);

    /// <summary>
    /// A call whose chart is a female patient aged 30 with an active, confirmed recurrent MDD (F33.1) and
    /// <paramref name="resources"/> (each a resource's JSON, <c>PATIENT</c> standing for the patient's id), sent under one
    /// prefetch key <c>chart</c>; on order-sign with an esketamine draft order for the patient.
    /// </summary>
    public static JsonObject ChartCall(string patient, bool orderSign, params string[] resources)
    {
        var call = CdsHooksApp.Sample(orderSign ? "order-sign-esketamine" : "patient-view-mdd-nothing-else");
        call["context"]!["patientId"] = patient;
        if (orderSign)
        {
            call["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["subject"]!["reference"] = "Patient/" + patient;
        }

        var birthDate = DateTime.UtcNow.AddYears(-30).AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var entries = new JsonArray(
            JsonNode.Parse("""
                {"resource": {"resourceType": "Patient", "id": "PATIENT", "gender": "female", "birthDate": "BIRTHDATE",
                  "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", "valueCode": "F"}]}}
                """.Replace("PATIENT", patient, StringComparison.Ordinal).Replace("BIRTHDATE", birthDate, StringComparison.Ordinal)),
            JsonNode.Parse("""
                {"resource": {"resourceType": "Condition", "id": "c-mdd", "subject": {"reference": "Patient/PATIENT"},
                  "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
                  "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
                  "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "F33.1"}]}}}
                """.Replace("PATIENT", patient, StringComparison.Ordinal)));
        foreach (var resource in resources)
        {
            entries.Add(JsonNode.Parse("{\"resource\": " + resource.Replace("PATIENT", patient, StringComparison.Ordinal) + "}"));
        }

        call["prefetch"] = new JsonObject { ["chart"] = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "collection", ["entry"] = entries } };
        return call;
    }

    /// <summary>A client signed in to the API as <paramref name="email"/> (a demo account) with a bearer token.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = Raw();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password = Password });
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// The demo psychiatrist records, through the API, a complete history of a female patient aged 30 (QA13's bodies): MDD,
    /// 3 failed trials, nothing contraindicating, every care and safety item answered (QA121 F4); <paramref name="changes"/>
    /// replaces answers (JSON members, e.g. <c>"pregnant":true</c>). Returns the screening's id.
    /// </summary>
    public Task<Guid> RecordClinicianScreeningAsync(string patient, string changes) => PostClinicianScreeningAsync("/api/v1/screenings", patient, changes);

    /// <summary>
    /// The demo psychiatrist corrects <paramref name="corrected"/> through the API (<c>/corrections</c>) with the same complete
    /// history as <see cref="RecordClinicianScreeningAsync"/>, <paramref name="changes"/> replacing answers, and the reason
    /// given. Returns the correction's id.
    /// </summary>
    public Task<Guid> CorrectClinicianScreeningAsync(Guid corrected, string patient, string changes, string reason) =>
        PostClinicianScreeningAsync($"/api/v1/screenings/{corrected}/corrections", patient, changes + ",\"correctionReason\":" + System.Text.Json.JsonSerializer.Serialize(reason));

    private async Task<Guid> PostClinicianScreeningAsync(string path, string patient, string changes)
    {
        var body = JsonNode.Parse($$"""
            {"patientReference":"{{patient}}","ageYears":30,"sexAtBirth":"female","jurisdiction":"us","primaryDiagnosis":"mdd","currentDepressiveEpisode":true,
             "failedAdequateTrials":3,"distinctMechanisms":2,"onOralAntidepressant":true,"oralAntidepressantClass":"ssri","currentManiaOrMixedFeatures":false,
             "psychosis":"none","suicidality":"none","pregnant":false,"breastfeeding":false,"lifeLimitingIllness":false,"chronicNeuropathicPain":false,
             "onOpioids":false,"opioidInducedHyperalgesia":false,"onNaltrexone":false,"benzodiazepineDiazepamEquivalentMg":0,"onPsychostimulantOrMaoi":false,
             "substanceUse":"none","otherCnsDepressants":false,"aneurysmalVascularDisease":false,"arteriovenousMalformation":false,
             "intracerebralHemorrhageHistory":false,"hypersensitivityToKetamine":false,"seriousCardiovascularOrCerebrovascularCondition":false,
             "recentMyocardialInfarctionOrStroke":false,"otherCardiovascularOrCerebrovascularDisease":false,"hypertensiveEncephalopathyHistory":false,
             "respiratoryDiseaseOrSleepApnea":false,"cognitiveImpairment":false,"urinaryTractSymptoms":false,"systolicBp":120,"diastolicBp":80,
             "hepaticImpairment":"none","phq9Total":18,"phq9Item9":0}
            """)!.AsObject();

        // A care or safety field added to the catalogue later is answered with its ordinary answer too (QA121 F4).
        CompleteScreeningBodies.WithEveryItemRecorded(body);
        foreach (var (name, value) in JsonNode.Parse("{" + changes + "}")!.AsObject().ToList())
        {
            body[name] = value?.DeepClone();
        }

        var api = await ApiClientAsync("psychiatrist@demo.local");
        using var created = await api.PostAsync(path, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    /// <summary>A sample request from samples/cds-hooks/requests, with a fresh hookInstance, its dates moved to now (<see cref="SampleDates"/>).</summary>
    public static JsonObject Sample(string name)
    {
        var json = JsonNode.Parse(SampleDates.MovedToNow(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "CdsHooks", "Requests", name + ".json"))))!.AsObject();
        json["hookInstance"] = Guid.NewGuid().ToString();
        return json;
    }

    public KetamineCdsDbContext Db() => Services.GetRequiredService<KetamineCdsContextFactory>().CreateDbContext();

    /// <summary>
    /// Runs a statement as the database's owner, behind the app's back: on SQLite <paramref name="sqlite"/> on the app's
    /// file, on PostgreSQL <paramref name="postgres"/> as the cluster's superuser (the app's role owns no table).
    /// </summary>
    public async Task ExecuteAsOwnerAsync(string sqlite, string postgres)
    {
        if (_cluster is null)
        {
            await using var db = Db();
            await db.Database.ExecuteSqlRawAsync(sqlite);
            return;
        }

        await using var connection = new Npgsql.NpgsqlConnection(_cluster.SuperuserConnectionString(_database!));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = postgres;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<int> DecisionLogCountAsync()
    {
        await using var db = Db();
        return await db.DecisionLogEntries.CountAsync();
    }

    /// <summary>A client signed in with the cookie through the sign-in page.</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = Raw();
        var html = await client.GetStringAsync("/Account/Login");
        var token = Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Trusted.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }
}
