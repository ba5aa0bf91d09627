using System.Net;
using System.Net.Http.Json;
using KetamineCds.Infrastructure.DecisionLog;
using KetamineCds.Infrastructure.Identity;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// The administrator's Edit page (QA169 F5, F9 and the busy database): a change to one's own account asks first; the
/// name and email can be changed; a database that cannot take the change now keeps the page and changes nothing.
/// </summary>
public sealed class AccountAdministrationTests
{
    private const string SecondAdmin = "second.admin@clinic.example";

    [Theory]
    [InlineData("en", "Remove your own Admin role?", "You will lose access to account administration at once")]
    [InlineData("zh-CN", "要移除您自己的管理员角色吗？", "您将立即失去账户管理的权限")]
    public async Task Roles_OwnAdminRoleRemovedWithoutConfirming_WarnsAndChangesAndRecordsNothing(string language, string heading, string warning)
    {
        using var factory = new KetamineCdsFactory();
        await AddAdministratorAsync(factory, SecondAdmin);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Admin);
        var events = await AdministrationEventCountAsync(factory);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Roles", [new("SelectedRoles", Roles.Auditor)]);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(warning, html, StringComparison.Ordinal);
        Assert.Contains("name=\"ConfirmOwnAccount\" value=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal([Roles.Admin], await RolesOfAsync(factory, KetamineCdsFactory.Admin));
        Assert.Equal(events, await AdministrationEventCountAsync(factory));
        using var stillAdmin = await admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.OK, stillAdmin.StatusCode);
    }

    [Fact]
    public async Task Roles_OwnAdminRoleRemovedAndConfirmed_TheAdminPagesAreClosedToThisSessionAtOnce()
    {
        using var factory = new KetamineCdsFactory();
        await AddAdministratorAsync(factory, SecondAdmin);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Admin);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Roles",
            [new("SelectedRoles", Roles.Auditor), new("ConfirmOwnAccount", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal("/", post.Headers.Location!.OriginalString);
        Assert.Equal([Roles.Auditor], await RolesOfAsync(factory, KetamineCdsFactory.Admin));
        using var adminPage = await admin.GetAsync("/Admin/Users");
        Assert.NotEqual(HttpStatusCode.OK, adminPage.StatusCode);
        // This browser goes on with the role chosen, and is told what happened.
        var home = WebUtility.HtmlDecode(await admin.GetStringAsync("/"));
        Assert.Contains("You no longer have the Admin role", home, StringComparison.Ordinal);
        using var audit = await admin.GetAsync("/Audit");
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    [Theory]
    [InlineData("en", "You will be signed out at once")]
    [InlineData("zh-CN", "您将立即被登出")]
    public async Task Lock_OwnAccountWithoutConfirmingItIsOwn_WarnsAndChangesAndRecordsNothing(string language, string warning)
    {
        using var factory = new KetamineCdsFactory();
        await AddAdministratorAsync(factory, SecondAdmin);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Admin);
        var events = await AdministrationEventCountAsync(factory);

        // The warning is on the confirmation itself...
        var confirmation = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Edit/{id}?confirm=Lock"));
        Assert.Contains(warning, confirmation, StringComparison.Ordinal);

        // ...and a lock of one's own account posted without it (an old page, a crafted form) only shows it.
        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Lock", [new("Reason", "testing")]);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains(warning, WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await IsLockedAsync(factory, KetamineCdsFactory.Admin));
        Assert.Equal(events, await AdministrationEventCountAsync(factory));
    }

    [Fact]
    public async Task Lock_OwnAccountConfirmed_SignsThisBrowserOutAndSaysWhy()
    {
        using var factory = new KetamineCdsFactory();
        await AddAdministratorAsync(factory, SecondAdmin);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Admin);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Lock",
            [new("Reason", "leaving the clinic"), new("ConfirmOwnAccount", "true")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/Account/Login", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var signIn = WebUtility.HtmlDecode(await admin.GetStringAsync(post.Headers.Location!.OriginalString));
        Assert.Contains("You locked your own account", signIn, StringComparison.Ordinal);
        Assert.True(await IsLockedAsync(factory, KetamineCdsFactory.Admin));
        using var adminPage = await admin.GetAsync("/Admin/Users");
        Assert.True(SessionClients.IsSentToSignIn(adminPage));
    }

    [Fact]
    public async Task Details_NameAndEmailChanged_StoredRecordedAndTheAccountsSessionsEnd()
    {
        using var factory = new KetamineCdsFactory();
        var screening = await factory.RecordScreeningThroughApiAsync("MRN-F9");
        var psychiatristPage = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var psychiatristApi = await factory.CreateApiClientAsync(KetamineCdsFactory.Psychiatrist);
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Psychiatrist);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Details",
            [new("Details.Email", " dr.new@clinic.example "), new("Details.DisplayName", "Dr New Name")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(post.Headers.Location!.OriginalString));
        Assert.Contains("its sessions and API tokens have ended", page, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(id))!;
            Assert.Equal(("dr.new@clinic.example", "dr.new@clinic.example", "Dr New Name"), (account.Email, account.UserName, account.DisplayName));
            Assert.True(account.EmailConfirmed);
        }

        // The old sessions and tokens end; the new address signs in, the old one does not.
        Assert.True(SessionClients.IsSentToSignIn(await psychiatristPage.GetAsync("/Screenings/New")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await psychiatristApi.GetAsync($"/api/v1/screenings/{screening}")).StatusCode);
        var client = factory.CreateRawClient();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email = "dr.new@clinic.example", password = KetamineCdsFactory.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/login", new { email = KetamineCdsFactory.Psychiatrist, password = KetamineCdsFactory.Password })).StatusCode);

        // Recorded as the other administrators' changes are, old and new value; the decision log keeps what it recorded.
        var details = await AdministrationDetailsAsync(factory, id);
        Assert.Contains($"changed the email of {KetamineCdsFactory.Psychiatrist} to dr.new@clinic.example", details);
        Assert.Contains("changed the display name of dr.new@clinic.example from \"Dr Demo Psychiatrist\" to \"Dr New Name\"", details);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var accountEvents = WebUtility.HtmlDecode(await admin.GetStringAsync($"/Admin/Users/Events/{id}"));
        Assert.Contains($"将 {KetamineCdsFactory.Psychiatrist} 的电子邮箱改为 dr.new@clinic.example", accountEvents, StringComparison.Ordinal);
        Assert.Contains("将 dr.new@clinic.example 的显示名称从“Dr Demo Psychiatrist”改为“Dr New Name”", accountEvents, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var log = scope.ServiceProvider.GetRequiredService<IDecisionLog>();
            Assert.Equal(KetamineCdsFactory.Psychiatrist, (await log.FindScreeningAsync(screening))!.RecordedBy.Email);
            Assert.True((await log.VerifyAsync()).Intact);
        }
    }

    [Theory]
    [InlineData("en", "Saved: the display name of psychiatrist@demo.local is cleared; the pages show the email in its place.")]
    [InlineData("zh-CN", "已保存：psychiatrist@demo.local 的显示名称已清除；页面上以电子邮箱代替显示。")]
    public async Task Details_NameCleared_SaysItIsClearedNotThatItIsNowEmptyQuotes(string language, string expected)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Psychiatrist);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Details",
            [new("Details.Email", KetamineCdsFactory.Psychiatrist), new("Details.DisplayName", "")]);

        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync(post.Headers.Location!.OriginalString));
        Assert.Contains(expected, page, StringComparison.Ordinal);
        Assert.DoesNotContain("“”", page, StringComparison.Ordinal);
        Assert.Contains("changed the display name of psychiatrist@demo.local from \"Dr Demo Psychiatrist\" to \"\"", await AdministrationDetailsAsync(factory, id));
    }

    [Theory]
    [InlineData("en", "", "Dr A", "Details.Email", "Enter the user's email address.")]
    [InlineData("zh-CN", "", "Dr A", "Details.Email", "请输入用户的电子邮箱地址。")]
    [InlineData("en", "not-an-email", "Dr A", "Details.Email", "Enter a valid email address.")]
    [InlineData("zh-CN", "not-an-email", "Dr A", "Details.Email", "请输入有效的电子邮箱地址。")]
    [InlineData("en", "STAFF@Demo.Local", "Dr A", "Details.Email", "Another account already uses the email address 'STAFF@Demo.Local'.")]
    [InlineData("zh-CN", "STAFF@Demo.Local", "Dr A", "Details.Email", "电子邮箱“STAFF@Demo.Local”已被另一个账户使用。")]
    [InlineData("en", "long", "Dr A", "Details.Email", "The email address is too long.")]
    [InlineData("en", "fine@clinic.example", "long", "Details.DisplayName", "The display name can be at most 100 characters.")]
    [InlineData("zh-CN", "fine@clinic.example", "long", "Details.DisplayName", "显示名称最多 100 个字符。")]
    public async Task Details_RefusedField_SaysSoUnderItAndChangesAndRecordsNothing(string language, string email, string name, string field, string message)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Psychiatrist);
        var events = await AdministrationEventCountAsync(factory);
        email = email == "long" ? new string('a', 250) + "@clinic.example" : email;
        name = name == "long" ? new string('n', 101) : name;

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Details",
            [new("Details.Email", email), new("Details.DisplayName", name)]);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
        Assert.Equal((language == "en" ? "Error: " : "错误： ") + message, FieldMessages.Of(html, field));
        Assert.Contains($"<a href=\"#{field.Replace('.', '_')}\">{message}</a>", html, StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var account = (await users.FindByIdAsync(id))!;
            Assert.Equal((KetamineCdsFactory.Psychiatrist, KetamineCdsFactory.Psychiatrist, "Dr Demo Psychiatrist"), (account.Email, account.UserName, account.DisplayName));
        }

        Assert.Equal(events, await AdministrationEventCountAsync(factory));
    }

    [Theory]
    [InlineData("en", "Roles", "The change could not be made now")]
    [InlineData("zh-CN", "Roles", "现在无法进行此更改")]
    [InlineData("en", "Lock", "The change could not be made now")]
    [InlineData("en", "Details", "The change could not be made now")]
    [InlineData("en", "Unlock", "The change could not be made now")]
    [InlineData("en", "ResetPassword", "The change could not be made now")]
    public async Task AnyChange_WhileAnotherConnectionHoldsTheWriteLock_KeepsThePageAndChangesAndRecordsNothing(string language, string handler, string message)
    {
        using var factory = new ShortTimeoutFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);
        if (handler == "Unlock")
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(id))!, DateTimeOffset.MaxValue);
        }

        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(admin, $"/Admin/Users/Edit/{id}");
        var before = await AccountRowAsync(factory, id);
        var events = await AdministrationEventCountAsync(factory);
        KeyValuePair<string, string>[] fields = handler switch
        {
            "Roles" => [new("SelectedRoles", Roles.Psychiatrist)],
            "Lock" => [new("Reason", "left the clinic")],
            "Details" => [new("Details.Email", "staff.new@clinic.example"), new("Details.DisplayName", "New name")],
            "ResetPassword" => [new("NewPassword", "Fresh!Clinic-Passw0rd")],
            _ => [],
        };

        HttpResponseMessage post;
        await using (var holder = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False"))
        {
            await holder.OpenAsync();
            await using (var hold = holder.CreateCommand())
            {
                hold.CommandText = "BEGIN IMMEDIATE;";
                await hold.ExecuteNonQueryAsync();
            }

            var posting = admin.PostAsync($"/Admin/Users/Edit/{id}?handler={handler}", new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
            // The lock is held until the change has given up (the app logs it), then let go, as by a backup that ends:
            // the rest of the request (the session's sliding renewal) then writes as usual.
            await Task.WhenAny(factory.ChangeGivenUp.Task, posting);
            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync();
            post = await posting;
        }

        using (post)
        {
            Assert.Equal(HttpStatusCode.OK, post.StatusCode);
            var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());
            Assert.Contains(message, html, StringComparison.Ordinal);
        }

        Assert.Equal(before, await AccountRowAsync(factory, id));
        Assert.Equal(events, await AdministrationEventCountAsync(factory));
    }

    /// <summary>
    /// The app with a one-second SQLite busy timeout, so a held write lock fails a change in a second, not 30; and a signal
    /// when the users page logs that it gave a change up.
    /// </summary>
    private sealed class ShortTimeoutFactory : KetamineCdsFactory
    {
        public TaskCompletionSource ChangeGivenUp { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:KetamineCds", $"Data Source={DatabasePath};Default Timeout=1");
            builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(record =>
            {
                if (record.Message.Contains("on the users page was not made", StringComparison.Ordinal))
                {
                    ChangeGivenUp.TrySetResult();
                }
            })));
        }
    }

    private static async Task AddAdministratorAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, "Second!Admin-Passw0rd")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Admin)).Succeeded);
    }

    private static async Task<string[]> RolesOfAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. (await users.GetRolesAsync((await users.FindByEmailAsync(email))!)).Order(StringComparer.Ordinal)];
    }

    private static async Task<bool> IsLockedAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await users.IsLockedOutAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The account's row and its roles as text, to compare before and after a change that must not happen.</summary>
    private static async Task<string> AccountRowAsync(KetamineCdsFactory factory, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Email, UserName, DisplayName, SecurityStamp, PasswordHash, LockoutEnd, (SELECT group_concat(RoleId) FROM AspNetUserRoles r WHERE r.UserId = u.Id) FROM AspNetUsers u WHERE Id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i).ToString()));
    }

    private static async Task<int> AdministrationEventCountAsync(KetamineCdsFactory factory)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM AccessEvents WHERE Kind = 'user-administration'";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> AdministrationDetailsAsync(KetamineCdsFactory factory, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Detail FROM AccessEvents WHERE Kind = 'user-administration' AND Subject = $subject ORDER BY Sequence";
        command.Parameters.AddWithValue("$subject", "user:" + id);
        var details = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(0));
        }

        return details;
    }
}
