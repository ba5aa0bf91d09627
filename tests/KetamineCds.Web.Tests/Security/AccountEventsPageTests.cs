using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The administrator's view of one account's events (/Admin/Users/Events/{id}, linked from the account's page): its
/// sign-ins (as typed, in any letter case) and the changes to it, never what it read, since an administrator must not
/// see clinical records; the account page's sign-in list says its recorded detail in the reader's language.
/// </summary>
public sealed class AccountEventsPageTests
{
    [Fact]
    public async Task Events_AccountThatSignedInViewedAndWasLocked_ListsTheSignInsAndTheLockNotWhatItViewed()
    {
        using var factory = new KetamineCdsFactory();
        var psychiatrist = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        using (await psychiatrist.PostAsJsonAsync("/api/v1/screenings", SampleRequests.Trd("MRN-ADMIN-MUST-NOT-SEE")))
        {
        }

        // The staff member signs in typing the email in capitals, then reads the patient's screenings.
        using (var signIn = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = "STAFF@DEMO.LOCAL", password = KetamineCdsFactory.Password }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        }

        var staff = await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        (await staff.GetAsync("/api/v1/screenings?patientReference=MRN-ADMIN-MUST-NOT-SEE")).Dispose();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);
        using (var locked = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "phone stolen")]))
        {
            Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        }

        var edit = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));
        using var response = await admin.GetAsync($"/Admin/Users/Events/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains($"<a id=\"all-account-events\" href=\"/Admin/Users/Events/{id}\">All events of this account</a>", edit, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var table = Regex.Match(html, "<table class=\"data-table\" id=\"account-events\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Administered an account <code class=\"tight\">user-administration</code>", table, StringComparison.Ordinal);
        Assert.Contains("Locked staff@demo.local; reason: phone stolen", table, StringComparison.Ordinal);
        Assert.Contains("<td>STAFF@DEMO.LOCAL</td>", table, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(table, "Signed in <code class=\"tight\">sign-in</code>"));
        Assert.DoesNotContain("view-screening", html, StringComparison.Ordinal);
        Assert.DoesNotContain("MRN-ADMIN-MUST-NOT-SEE", html, StringComparison.Ordinal);
        // Reading the account's events is itself in the access log.
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
        var view = await db.AccessEvents.Where(e => e.Kind == "view-access-log").OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal((KetamineCdsFactory.Admin, "Admin", "user:" + id, "account events (user administration)"), (view.UserEmail, view.Role, view.Subject, view.Detail));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_TheAccessLogFails_Answers409ForARefusalAnd503WithRetryAfterForAnOutage(bool refusedByDatabase)
    {
        // The page answered 503 "reload in a moment" for both, a refusal (a permission taken away) included, and without
        // Retry-After; it now tells them apart as the audit pages do (LogFailures).
        var access = new Mock<IAccessAudit>();
        access.Setup(a => a.RecordAsync(It.IsAny<AccessEvent>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        access.Setup(a => a.RecordAsync(It.Is<AccessEvent>(e => e.Kind == AccessEventKind.ViewAccessLog), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new DecisionLogUnavailableException("The access log could not be written.", refusedByDatabase
                ? new Npgsql.PostgresException("permission denied for table AccessEvents", "ERROR", "ERROR", "42501")
                : new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused)));
        using var factory = new KetamineCdsFactory { AccessAuditOverride = access.Object };
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var response = await admin.GetAsync($"/Admin/Users/Events/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        const string Refused = "The database refused the request, so the events are not shown. This is not an outage, and trying again will not help; the cause is in KetamineCds's log for the administrator.";
        const string Unavailable = "The access log could not be read just now, so the events are not shown. Reload the page in a moment.";
        Assert.Equal(refusedByDatabase ? HttpStatusCode.Conflict : HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(refusedByDatabase ? null : "5", response.Headers.RetryAfter?.ToString());
        Assert.Contains(refusedByDatabase ? Refused : Unavailable, html, StringComparison.Ordinal);
        Assert.DoesNotContain(refusedByDatabase ? Unavailable : Refused, html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"account-events\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_SignInRecordedWithoutARole_SaysNoRoleRecorded_NeverABlankCell()
    {
        // A sign-in recorded before sign-ins named the account's roles (QA318) has none: the cell said nothing at all, as the
        // access log's does not. One recorded now names the role.
        using var factory = new KetamineCdsFactory();
        await factory.Services.GetRequiredService<IAccessAudit>().RecordAsync(new AccessEvent(AccessEventKind.SignIn, KetamineCdsFactory.Admin, null, null, "page", "before-roles"));
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Admin);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Events/{id}"));

        var rows = Regex.Matches(html, "<tr><td class=\"tight\">[^<]*</td><td>Signed in <code class=\"tight\">sign-in</code></td>.*?</tr>", RegexOptions.Singleline).Select(m => m.Value).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("<td class=\"tight\">Administrator</td>", rows[0], StringComparison.Ordinal);
        Assert.Contains("<td class=\"tight\"><span aria-hidden=\"true\">—</span><span class=\"visually-hidden\">No role recorded</span></td>", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_UnknownAccount_IsNotFound()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var response = await admin.GetAsync("/Admin/Users/Events/no-such-account");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task EditUser_SignInTypedInCapitals_IsInTheAccountsSignInEvents()
    {
        using var factory = new KetamineCdsFactory();
        using (var failed = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email = "Auditor@Demo.Local", password = "Wrong!Passw0rd9" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Auditor);

        var html = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}"));

        var events = Regex.Match(html, "<table class=\"data-table\" id=\"sign-in-events\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Single(Regex.Matches(events, "<td>Failed attempt</td>"));
    }

    [Theory]
    [InlineData("en", "<td>Web page <code class=\"recorded-text\" lang=\"en\">page</code></td>", "<td>API</td>")]
    [InlineData("zh-CN", "<td>网页 <code class=\"recorded-text\" lang=\"en\">page</code></td>", "<td>API</td>")]
    public async Task EditUser_SignInEvents_SayTheRecordedChannelInThePagesLanguage(string language, string page, string api)
    {
        using var factory = new KetamineCdsFactory();
        await factory.CreateApiClientAsync(KetamineCdsFactory.Staff);
        await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/Admin/Users/Edit/{id}");
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await admin.SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        var events = Regex.Match(html, "<table class=\"data-table\" id=\"sign-in-events\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
        Assert.True(events.Contains(page, StringComparison.Ordinal), events);
        Assert.True(events.Contains(api, StringComparison.Ordinal), events);
        Assert.DoesNotContain("<td>page</td>", events, StringComparison.Ordinal);
    }
}
