using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using KetamineCds.Infrastructure.DecisionLog;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>Sign-ins, failed sign-ins, sign-outs, views and prints are recorded in the access audit.</summary>
public sealed class AccessAuditTests : IDisposable
{
    private readonly RecordingAudit _audit = new();
    private readonly KetamineCdsFactory _factory;

    public AccessAuditTests() => _factory = new KetamineCdsFactory { AccessAuditOverride = _audit };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task SignIn_PageAndApi_AreRecordedWithTheUser()
    {
        await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        await _factory.CreateApiClientAsync(KetamineCdsFactory.Auditor);

        Assert.Contains(_audit.Events, e => e.Kind == AccessEventKind.SignIn && e.UserEmail == KetamineCdsFactory.Staff && e.Detail == "page");
        Assert.Contains(_audit.Events, e => e.Kind == AccessEventKind.SignIn && e.UserEmail == KetamineCdsFactory.Auditor && e.Detail == "api");
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRecordedAsFailedWithoutThePassword()
    {
        var client = _factory.CreateRawClient();

        await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Staff, password = "Wrong!Passw0rd9" });

        var failed = Assert.Single(_audit.Events, e => e.Kind == AccessEventKind.SignInFailed);
        Assert.Equal(KetamineCdsFactory.Staff, failed.UserEmail);
        Assert.DoesNotContain("Wrong!Passw0rd9", failed.Detail ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewPrintAndSignOut_AreRecordedWithSubjectAndRole()
    {
        var api = await _factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var created = await api.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-AUDIT"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var client = await _factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        await client.GetStringAsync($"/Screenings/{id}");
        await client.GetStringAsync($"/Screenings/{id}/Print");
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Rules");
        await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains(_audit.Events, e => e.Kind == AccessEventKind.ViewScreening && e.Subject == id.ToString() && e.Role == "ClinicStaff");
        Assert.Contains(_audit.Events, e => e.Kind == AccessEventKind.PrintScreening && e.Subject == id.ToString() && e.UserEmail == KetamineCdsFactory.Staff);
        Assert.Contains(_audit.Events, e => e.Kind == AccessEventKind.SignOut && e.UserEmail == KetamineCdsFactory.Staff);
    }

    private sealed class RecordingAudit : IAccessAudit
    {
        private readonly ConcurrentQueue<AccessEvent> _events = new();

        public IReadOnlyList<AccessEvent> Events => _events.ToArray();

        public Task RecordAsync(AccessEvent accessEvent, CancellationToken cancellationToken = default)
        {
            _events.Enqueue(accessEvent);
            return Task.CompletedTask;
        }
    }
}
