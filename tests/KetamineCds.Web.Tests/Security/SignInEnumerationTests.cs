using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// A failed sign-in says nothing about the account: unknown, locked and wrong-password answer with the same status
/// and body on the API and the same message on the page, and take about as long (medians, with a generous margin).
/// The lockout is still recorded for the auditor and shown to administrators.
/// </summary>
public sealed partial class SignInEnumerationTests
{
    private const string Unknown = "nobody-here@clinic.example";
    private const string WrongPassword = "Wrong!Passw0rd-42";

    [Fact]
    public async Task ApiLogin_UnknownLockedAndWrongPassword_AnswerTheSameStatusAndBody()
    {
        using var factory = new KetamineCdsFactory();
        await LockAsync(factory, KetamineCdsFactory.Auditor);
        var client = factory.CreateRawClient();

        var unknown = await ApiAnswerAsync(client, Unknown, WrongPassword);
        var locked = await ApiAnswerAsync(client, KetamineCdsFactory.Auditor, KetamineCdsFactory.Password);
        var wrong = await ApiAnswerAsync(client, KetamineCdsFactory.Staff, WrongPassword);

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task PageLogin_UnknownLockedAndWrongPassword_ShowTheSameMessage()
    {
        using var factory = new KetamineCdsFactory();
        await LockAsync(factory, KetamineCdsFactory.Auditor);

        var unknown = await PageAnswerAsync(factory, Unknown, WrongPassword);
        var locked = await PageAnswerAsync(factory, KetamineCdsFactory.Auditor, KetamineCdsFactory.Password);
        var wrong = await PageAnswerAsync(factory, KetamineCdsFactory.Staff, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Contains("The email or password is not right", unknown.Message, StringComparison.Ordinal);
        Assert.Equal(unknown, locked);
        Assert.Equal(unknown, wrong);
    }

    [Fact]
    public async Task ApiLogin_UnknownAndLockedAccounts_TakeAboutAsLongAsAWrongPassword()
    {
        using var factory = new NoLockoutFactory();
        await LockAsync(factory, KetamineCdsFactory.Auditor);
        var client = factory.CreateRawClient();
        await ApiAnswerAsync(client, KetamineCdsFactory.Staff, WrongPassword); // warm up: JIT, connections, the dummy hash

        var wrong = new List<double>();
        var unknown = new List<double>();
        var locked = new List<double>();
        for (var i = 0; i < 9; i++)
        {
            wrong.Add(await TimeAsync(() => ApiAnswerAsync(client, KetamineCdsFactory.Staff, WrongPassword)));
            unknown.Add(await TimeAsync(() => ApiAnswerAsync(client, $"nobody-{i}@clinic.example", WrongPassword)));
            locked.Add(await TimeAsync(() => ApiAnswerAsync(client, KetamineCdsFactory.Auditor, WrongPassword)));
        }

        // Before the fix an unknown account answered in about a tenth of the time (no hash computed). A margin of a
        // half keeps the test from flaking on a shared CPU and still catches that.
        Assert.True(Median(unknown) >= 0.5 * Median(wrong), $"unknown {Median(unknown):F1} ms vs wrong password {Median(wrong):F1} ms");
        Assert.True(Median(locked) >= 0.5 * Median(wrong), $"locked {Median(locked):F1} ms vs wrong password {Median(wrong):F1} ms");
    }

    [Fact]
    public async Task Login_FiveWrongPasswords_RecordsTheLockoutAndAdministratorsSeeTheAccountLocked()
    {
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        for (var i = 0; i < 5; i++)
        {
            await ApiAnswerAsync(client, KetamineCdsFactory.Staff, WrongPassword + i);
        }

        await ApiAnswerAsync(client, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>();
            var kinds = await db.AccessEvents.AsNoTracking().Where(e => e.UserEmail == KetamineCdsFactory.Staff).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
            Assert.Equal(["sign-in-failed", "sign-in-failed", "sign-in-failed", "sign-in-failed", "locked-out", "locked-out"], kinds);
        }

        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var users = AccountList.WithWholeEmails(await admin.GetStringAsync("/Admin/Users"));
        Assert.Matches(new Regex(Regex.Escape(KetamineCdsFactory.Staff) + @"</td>.*?Locked until", RegexOptions.Singleline), users);
    }

    private static async Task<(HttpStatusCode Status, string Body)> ApiAnswerAsync(HttpClient client, string email, string password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        body.Remove("traceId"); // differs per request by design
        return (response.StatusCode, body.ToJsonString());
    }

    private static async Task<(HttpStatusCode Status, string Message)> PageAnswerAsync(KetamineCdsFactory factory, string email, string password)
    {
        var client = factory.CreateRawClient();
        using var response = await client.PostFormAsync("/Account/Login", "/Account/Login", [new("Input.Email", email), new("Input.Password", password)]);
        var html = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, ErrorSummary().Match(html).Value);
    }

    private static async Task LockAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddHours(1));
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    [GeneratedRegex("<div class=\"error-summary\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummary();

    /// <summary>Wrong passwords do not lock the account, so that one account can be timed again and again.</summary>
    /// <summary>No lockout, and the app's own password hashing: the times compared are those of the app's hash.</summary>
    private sealed class NoLockoutFactory : KetamineCdsFactory
    {
        public NoLockoutFactory() => AppsOwnPasswordHashing = true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.Configure<IdentityOptions>(o => o.Lockout.MaxFailedAccessAttempts = 10_000));
        }
    }
}
