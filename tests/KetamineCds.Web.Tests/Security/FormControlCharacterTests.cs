using System.Net;
using System.Net.Http.Json;
using KetamineCds.Infrastructure.Data;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Screenings;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineCds.Web.Tests.Security;

/// <summary>
/// A NUL (<c>%00</c>) typed or pasted into a form a user fills in is a message under its field on the same form, what was
/// typed kept and nothing stored, as any other control character (QA8 F6's screening form, now every such form). The
/// framework's form reader refused the whole body: the site-wide 400 "the form may have expired", the form lost.
/// </summary>
public sealed class FormControlCharacterTests
{
    private const string Refused = "holds a control character";

    [Fact]
    public async Task EditDetails_NulInTheEmail_IsAMessageUnderItAndTheAccountIsUnchanged()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=Details",
            [new("Details.Email", "staff.new\0@clinic.example"), new("Details.DisplayName", "Kept Name")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("The email address holds a control character or an invisible mark", FieldMessages.Of(html, "Details.Email"), StringComparison.Ordinal);
        Assert.Contains("value=\"Kept Name\"", html, StringComparison.Ordinal);
        var account = await FindAsync(factory, id);
        Assert.Equal(KetamineCdsFactory.Staff, account.Email);
        Assert.NotEqual("Kept Name", account.DisplayName);
    }

    [Theory]
    [InlineData(null, "The password holds a control character (often pasted with it). Remove it, or type that part again.")]
    [InlineData("zh-CN", "密码包含控制字符（常随粘贴带入）。请删除它，或重新输入该部分。")]
    public async Task ResetPassword_NulInTheNewPassword_IsAMessageUnderItAndThePasswordIsUnchanged(string? language, string message)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        if (language is not null)
        {
            admin.DefaultRequestHeaders.Add("Accept-Language", language);
        }

        var id = await factory.UserIdAsync(KetamineCdsFactory.Staff);

        using var post = await admin.PostFormAsync($"/Admin/Users/Edit/{id}", $"/Admin/Users/Edit/{id}?handler=ResetPassword",
            [new("NewPassword", "Fresh!Clinic\0Passw0rd")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.EndsWith(message, FieldMessages.Of(html, "NewPassword"), StringComparison.Ordinal);
        Assert.False((await FindAsync(factory, id)).MustChangePassword);
        await AssertSignsInAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Fact]
    public async Task CreateUser_NulInThePassword_IsAMessageUnderItAndNoAccountIsMade()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);

        using var post = await admin.PostFormAsync("/Admin/Users/Create", "/Admin/Users/Create",
            [new("Input.Email", "new.staff@clinic.example"), new("Input.Role", Roles.ClinicStaff), new("Input.Password", "Fresh!Clinic\0Passw0rd")]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("The password holds a control character", FieldMessages.Of(html, "Input.Password"), StringComparison.Ordinal);
        Assert.Contains("value=\"new.staff@clinic.example\"", html, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync("new.staff@clinic.example"));
    }

    [Fact]
    public async Task ChangePassword_NulInTheNewPassword_IsAMessageUnderItAndThePasswordIsUnchanged()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        using var post = await client.PostFormAsync("/Account/ChangePassword", "/Account/ChangePassword",
        [
            new("Input.CurrentPassword", KetamineCdsFactory.Password),
            new("Input.NewPassword", "Fresh!Clinic\0Passw0rd"),
            new("Input.ConfirmPassword", "Fresh!Clinic\0Passw0rd"),
        ]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("The password holds a control character", FieldMessages.Of(html, "Input.NewPassword"), StringComparison.Ordinal);
        await AssertSignsInAsync(factory, KetamineCdsFactory.Staff, KetamineCdsFactory.Password);
    }

    [Fact]
    public async Task Override_NulInTheExplanation_IsAMessageUnderItAndNothingIsRecorded()
    {
        using var factory = new KetamineCdsFactory();
        var screening = await factory.RecordScreeningThroughApiAsync("MRN-NUL-OVERRIDE");
        var psychiatrist = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        var entriesBefore = await CountEntriesAsync(factory);

        using var post = await psychiatrist.PostFormAsync($"/Screenings/{screening}", $"/Screenings/{screening}?handler=Override",
        [
            new("Override.Decision", "Proceed"),
            new("Override.Reason", "BenefitOutweighsRiskAfterReview"),
            new("Override.Explanation", "Reviewed with the patient\0 today."),
        ]);
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("The explanation holds a control character", html, StringComparison.Ordinal);
        Assert.Contains("Reviewed with the patient", html, StringComparison.Ordinal);
        Assert.Equal(entriesBefore, await CountEntriesAsync(factory));
    }

    [Theory]
    [InlineData("staff\0@demo.local", "wrong-password", "email", "The email address holds a control character or an invisible mark")]
    [InlineData(KetamineCdsFactory.Staff, "Demo!Passw0rd\0", "password", "The password holds a control character (often pasted with it).")]
    public async Task SignIn_NulInABox_IsAMessageAtItNothingCheckedAndNoAttemptCounted(string email, string password, string box, string message)
    {
        // A NUL answered a 500 here (the page checks its own form token, so the framework's form reader threw in binding).
        using var factory = new KetamineCdsFactory();
        var client = factory.CreateRawClient();
        var token = await KetamineCdsFactory.AntiforgeryTokenAsync(client, "/Account/Login");
        var before = await CountAccessEventsAsync(factory);

        using var post = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        var html = WebUtility.HtmlDecode(await post.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains($"<a href=\"#{box}\">{message}", html, StringComparison.Ordinal);
        Assert.Contains("value=\"staff", html, StringComparison.Ordinal);
        Assert.Equal(before, await CountAccessEventsAsync(factory));
    }

    [Theory]
    [InlineData("/Screenings/New", true)]
    [InlineData("/screenings/new", true)]
    [InlineData("/Screenings/0193a0c4-1e5b-7000-8000-000000000001", true)] // an override
    [InlineData("/Admin/Users/Create", true)]
    [InlineData("/Admin/Users/Edit/3f1c2a9e-0000-4000-8000-000000000001", true)]
    [InlineData("/Account/ChangePassword", true)]
    [InlineData("/Account/Login", true)]
    [InlineData("/Account/LoginWithCode", true)]
    [InlineData("/Account/TwoFactor/Enable", true)]
    [InlineData("/Account/TwoFactor", false)]
    [InlineData("/Account/Logout", false)]
    [InlineData("/Language", false)]
    [InlineData("/Screenings", false)]
    [InlineData("/Screenings/not-an-id", false)]
    [InlineData("/Screenings/0193a0c4-1e5b-7000-8000-000000000001/Print", false)]
    [InlineData("/Admin/Users/Edit", false)]
    [InlineData("/Admin/Users/Edit/x/y", false)]
    [InlineData("/api/v1/screenings", false)]
    public void IsFilledInForm_TheFormsAUserFillsInAlone(string path, bool guarded) =>
        Assert.Equal(guarded, FormNulGuard.IsFilledInForm(new PathString(path)));

    private static async Task<ApplicationUser> FindAsync(KetamineCdsFactory factory, string id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(id))!;
    }

    private static async Task<int> CountAccessEventsAsync(KetamineCdsFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().AccessEvents.CountAsync();
    }

    private static async Task<int> CountEntriesAsync(KetamineCdsFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KetamineCdsDbContext>().DecisionLogEntries.CountAsync();
    }

    private static async Task AssertSignsInAsync(KetamineCdsFactory factory, string email, string password)
    {
        using var response = await factory.CreateRawClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
