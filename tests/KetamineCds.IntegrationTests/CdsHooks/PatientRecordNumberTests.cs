using System.Net;
using System.Text.Json.Nodes;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Samples.CdsHooks;
using KetamineCds.Web.CdsHooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using static KetamineCds.IntegrationTests.CdsHooks.CdsHooksApp;

namespace KetamineCds.IntegrationTests.CdsHooks;

/// <summary>
/// QA158 F4: the EHR filed every answer under its FHIR id (<c>context.patientId</c>, "ex-mdd-only"), while the clinic files
/// screenings under the record number the contract's <c>patientReference</c> means ("MRN-20871", in the Patient's
/// identifiers). The auditor's patient filter did not bring them together, and the clinician's recent screening never
/// filled the chart's gaps. A client configured with its record number's identifier system files under the record number.
/// </summary>
public sealed class PatientRecordNumberTests
{
    private const string RecordNumberSystem = "urn:oid:2.16.840.1.113883.19.5";

    [Fact]
    public async Task PatientView_SystemConfigured_FilesUnderTheRecordNumberAndUsesTheClinicianScreeningOfThatNumber()
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientPatientIdentifierSystem = RecordNumberSystem;
        await app.RecordClinicianScreeningAsync("MRN-20871", "\"phq9Total\":18");

        using var response = await app.PostAsync(PatientView, Sample("patient-view-mdd-nothing-else").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var answered = await db.DecisionLogEntries.Where(e => e.HookOriginJson != null).SingleAsync();
        Assert.Equal("MRN-20871", answered.PatientReference);
        // The clinician's screening of that record number filled what the chart does not say: a screening ran.
        Assert.Equal(DecisionLogEntryTypes.Screening, answered.EntryType);
        Assert.DoesNotContain(db.DecisionLogEntries, e => e.PatientReference == "ex-mdd-only");
        // The log's FHIR still leaves the identifiers out: the record number is the entry's patient reference alone.
        Assert.DoesNotContain("MRN-20871", HookOrigin.FromJson(answered.HookOriginJson!).FhirJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatientView_NoSystemConfigured_FilesUnderTheFhirIdAsBefore()
    {
        using var app = CdsHooksApp.Sqlite();
        await app.RecordClinicianScreeningAsync("MRN-20871", "\"phq9Total\":18");

        using var response = await app.PostAsync(PatientView, Sample("patient-view-mdd-nothing-else").ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        var answered = await db.DecisionLogEntries.Where(e => e.HookOriginJson != null).SingleAsync();
        Assert.Equal("ex-mdd-only", answered.PatientReference);
        Assert.Equal(DecisionLogEntryTypes.HookAnswer, answered.EntryType);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("other-system")]
    [InlineData("two-values")]
    [InlineData("does-not-fit")]
    public async Task PatientView_SystemConfiguredButNoSingleFittingRecordNumber_FilesUnderTheFhirId(string how)
    {
        using var app = CdsHooksApp.Sqlite();
        app.ClientPatientIdentifierSystem = RecordNumberSystem;
        var call = Sample("patient-view-mdd-nothing-else");
        var patient = call["prefetch"]!["chart"]!["entry"]![0]!["resource"]!.AsObject();
        var identifiers = patient["identifier"]!.AsArray();
        switch (how)
        {
            case "none":
                patient.Remove("identifier");
                break;
            case "other-system":
                identifiers[0]!["system"] = "urn:oid:1.2.3.4";
                break;
            case "two-values":
                identifiers.Add(JsonNode.Parse($$"""{"system": "{{RecordNumberSystem}}", "value": "MRN-99999"}"""));
                break;
            default:
                identifiers[0]!["value"] = "MRN 20871/A";
                break;
        }

        using var response = await app.PostAsync(PatientView, call.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.Db();
        Assert.Equal("ex-mdd-only", (await db.DecisionLogEntries.SingleAsync(e => e.HookOriginJson != null)).PatientReference);
    }

    [Theory]
    [InlineData("2.16.840.1.113883.19.5")]
    [InlineData(" urn:oid:2.16.840.1.113883.19.5")]
    [InlineData("mrn")]
    public void Load_SystemNotAnAbsoluteUri_IsRefusedAtStartNamingTheSetting(string system)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => LoadWith(system));

        Assert.StartsWith("CdsHooks:Clients:0:PatientIdentifierSystem is '" + system + "'; it must be the absolute URI", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SystemAnAbsoluteUri_IsTheCallersSystem() =>
        Assert.Equal(RecordNumberSystem, LoadWith(RecordNumberSystem).Find("https://ehr.start.test")!.PatientIdentifierSystem);

    [Fact]
    public void Load_DemoClientInDevelopment_FilesUnderTheRecordNumberOfTheSamplesPatients()
    {
        // The demo EHR filed the samples' answers under the FHIR id, unlike what docs/cds-hooks.md recommends: it has the
        // system the sample Patient resources write their medical record number in (every one of them).
        var contentRoot = Directory.CreateTempSubdirectory("ketaminecds-demo-client-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>()).Build();
            var demo = CdsHookClients.Load(configuration, new Environment { EnvironmentName = "Development", ContentRootPath = contentRoot }).Find(CdsHookClients.DemoIssuer);

            var samples = Directory.GetFiles(Path.Combine(TestRepository.Root(), "samples", "cds-hooks", "requests"), "*.json");
            Assert.NotEmpty(samples);
            foreach (var sample in samples)
            {
                var systems = JsonNode.Parse(File.ReadAllText(sample))!.AsObject()["prefetch"]!.AsObject()
                    .Select(p => p.Value).OfType<JsonObject>()
                    .SelectMany(b => b["entry"]?.AsArray() ?? [])
                    .Select(e => e!["resource"]!)
                    .Where(r => r["resourceType"]!.GetValue<string>() == "Patient")
                    .SelectMany(r => r["identifier"]!.AsArray())
                    .Where(i => i!["type"]?["coding"]?.AsArray().Any(c => c!["code"]?.GetValue<string>() == "MR") == true)
                    .Select(i => i!["system"]!.GetValue<string>())
                    .Distinct()
                    .ToList();
                Assert.True(systems.Count == 1, $"{Path.GetFileName(sample)}: {string.Join(", ", systems)}");
                Assert.Equal(systems[0], demo!.PatientIdentifierSystem);
            }
        }
        finally
        {
            Directory.Delete(contentRoot, recursive: true);
        }
    }

    /// <summary>The clients configured with one client whose record number's system is <paramref name="system"/>.</summary>
    private static CdsHookClients LoadWith(string system)
    {
        using var token = ClientToken.Generate("start-key");
        var jwks = Path.Combine(Path.GetTempPath(), $"ketaminecds-start-{Guid.NewGuid():N}.json");
        File.WriteAllText(jwks, token.PublicJwks());
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["CdsHooks:DemoClient"] = "false",
                ["CdsHooks:Clients:0:Issuer"] = "https://ehr.start.test",
                ["CdsHooks:Clients:0:JwksPath"] = jwks,
                ["CdsHooks:Clients:0:PatientIdentifierSystem"] = system,
            }).Build();
            return CdsHookClients.Load(configuration, new Environment());
        }
        finally
        {
            File.Delete(jwks);
        }
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "KetamineCds.Web";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
