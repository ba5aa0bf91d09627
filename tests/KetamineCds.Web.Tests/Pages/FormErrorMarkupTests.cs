using System.Net;
using System.Text.RegularExpressions;
using KetamineCds.Infrastructure.Identity;
using KetamineCds.Web.Tests.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static KetamineCds.Web.Tests.Infrastructure.ControlTags;

namespace KetamineCds.Web.Tests.Pages;

/// <summary>
/// The account, administration and second-factor forms tie each field's error to its control as the intake form does
/// (QA10a A3): the message has an id, the control <c>aria-invalid="true"</c> and that id in its
/// <c>aria-describedby</c> (after its hint), so that a screen reader tabbing to the field hears the problem.
/// </summary>
public sealed class FormErrorMarkupTests
{
    [Fact]
    public async Task ChangePassword_SentEmpty_EachErrorIsTiedToItsField_AndOnlyTheTwoTrueOnesShow()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await PostAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "",
            ["Input.NewPassword"] = "",
            ["Input.ConfirmPassword"] = "",
        });

        AssertTied(html, "Input_CurrentPassword", null, "Enter your current password.");
        AssertTied(html, "Input_NewPassword", "new-password-hint", "Enter a new password.");
        AssertNotInError(html, "Input_ConfirmPassword");
        // QA10a A7: nothing was typed, so "must be different" is not true; two problems, not three.
        Assert.DoesNotContain("must be different", html, StringComparison.Ordinal);
        Assert.Contains("There are 2 problems to fix", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Error: ", "Enter your current password.")]
    [InlineData("zh-CN", "错误： ", "请输入当前密码。")]
    public async Task ChangePassword_SentEmpty_EachMessageStartsWithAHiddenErrorInThePagesLanguage_AndAFieldWithoutOneSaysNothing(string language, string error, string message)
    {
        // As on the intake form (_FieldHintAndError): a screen reader hears "Error:" before the message, a sighted user
        // sees the message in red; a field without an error has an empty message, with no "Error:" to read out.
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = await PostAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "",
            ["Input.NewPassword"] = "",
            ["Input.ConfirmPassword"] = "",
        });

        Assert.Matches(new Regex("data-valmsg-for=\"Input.CurrentPassword\"[^>]*><span class=\"visually-hidden\">" + Regex.Escape(error) + "</span>" + Regex.Escape(message) + "</span>"), html);
        Assert.Equal(error + message, FieldMessages.Of(html, "Input.CurrentPassword"));
        Assert.Matches(new Regex("data-valmsg-for=\"Input.ConfirmPassword\"[^>]*></span>"), html);
    }

    [Theory]
    [InlineData("en", "<span class=\"visually-hidden\">Error: </span>")]
    [InlineData("zh-CN", "<span class=\"visually-hidden\">错误： </span>")]
    public async Task IntakeFormAndAccountForm_FieldInError_StartTheMessageWithTheSameHiddenError(string language, string prefix)
    {
        // One markup for both (FieldErrorPrefix): the intake form's message (_FieldHintAndError) and a message written
        // by asp-validation-for (FieldErrorTagHelper) start alike, byte for byte, in either language.
        using var factory = new KetamineCdsFactory();
        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var psychiatrist = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        psychiatrist.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var account = WebUtility.HtmlDecode(await PostAsync(staff, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "",
            ["Input.NewPassword"] = "",
            ["Input.ConfirmPassword"] = "",
        }));
        var intake = WebUtility.HtmlDecode(await PostAsync(psychiatrist, "/Screenings/New", new() { ["Input.AgeYears"] = "45" }));

        var accountPrefix = Regex.Match(account, "data-valmsg-for=\"Input.CurrentPassword\"[^>]*>(<span[^>]*>[^<]*</span>)").Groups[1].Value;
        var intakePrefix = Regex.Match(intake, "<p class=\"field-error\" id=\"[^\"]+-error\">(<span[^>]*>[^<]*</span>)").Groups[1].Value;
        Assert.Equal(prefix, accountPrefix);
        Assert.Equal(prefix, intakePrefix);
    }

    [Fact]
    public async Task ChangePassword_SameAsTheCurrentOne_StillSaysItMustBeDifferent()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var html = await PostAsync(client, "/Account/ChangePassword", new()
        {
            ["Input.CurrentPassword"] = "violet harbour lantern 42",
            ["Input.NewPassword"] = "violet harbour lantern 42",
            ["Input.ConfirmPassword"] = "violet harbour lantern 42",
        });

        AssertTied(html, "Input_NewPassword", "new-password-hint", "The new password must be different from the current one.");
    }

    [Theory]
    [InlineData("en", "Enter the user&#x27;s email address.")]
    [InlineData("zh-CN", "请输入用户的电子邮箱地址。")]
    public async Task CreateUser_SentEmpty_EachErrorIsTiedToItsField(string language, string emailMessage)
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var html = await PostAsync(admin, "/Admin/Users/Create", new()
        {
            ["Input.Email"] = "",
            ["Input.Role"] = Roles.ClinicStaff,
            ["Input.Password"] = "",
        });

        AssertTied(WebUtility.HtmlDecode(html), "Input_Email", null, WebUtility.HtmlDecode(emailMessage));
        AssertTied(html, "Input_Password", "password-hint", null);
        AssertNotInError(html, "Input_DisplayName");
    }

    [Fact]
    public async Task ManageUser_CommonPasswordAndNoRole_AreTiedToTheirFields()
    {
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await IdOfAsync(factory, KetamineCdsFactory.Staff);

        var reset = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetPassword", new() { ["NewPassword"] = "Password123!" }, $"/Admin/Users/Edit/{id}");
        AssertTied(reset, "NewPassword", "new-password-hint", "most common passwords");

        var roles = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles",
            [new("SelectedRoles", Roles.Admin), new("SelectedRoles", Roles.ClinicStaff)], $"/Admin/Users/Edit/{id}");
        Assert.Matches(new Regex("^Error: .+"), FieldMessages.Of(roles, "SelectedRoles"));
        foreach (var role in Roles.All)
        {
            var tag = OpeningTag(roles, "role-" + role);
            Assert.Equal("true", Attribute(tag, "aria-invalid"));
            Assert.Equal("SelectedRoles-error", Attribute(tag, "aria-describedby"));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ManageUser_RolesRefused_TheRolesFieldsetHasTheRedBarAndHoldsItsMessage(bool conflicting)
    {
        // The review: every other field of the account forms gets the screening form's red bar (field--error) when it is
        // refused; the roles' group of checkboxes got only the message, under it, outside the group.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await IdOfAsync(factory, KetamineCdsFactory.Staff);
        Assert.Equal("field", RolesFieldset(await admin.GetStringAsync($"/Admin/Users/Edit/{id}")).Class);

        // No role at all, or two that may not go together (Admin and clinic staff).
        List<KeyValuePair<string, string>> chosen = conflicting ? [new("SelectedRoles", Roles.Admin), new("SelectedRoles", Roles.ClinicStaff)] : [];
        var roles = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles", chosen, $"/Admin/Users/Edit/{id}");

        var (cls, inner) = RolesFieldset(roles);
        Assert.Equal("field field--error", cls);
        Assert.Matches(new Regex("^Error: .+"), FieldMessages.Of(inner, "SelectedRoles"));
        // The other forms of the page are not in error.
        Assert.Equal("field", FieldClass(roles, "Details_Email"));
        Assert.Equal("field", FieldClass(roles, "NewPassword"));
    }

    /// <summary>The class of the Edit user page's roles fieldset (its words collapsed to single spaces) and what it holds.</summary>
    private static (string Class, string Inner) RolesFieldset(string html)
    {
        var match = Regex.Match(html, "<fieldset\\b([^>]*)>\\s*<legend>What this user may do</legend>(.*?)</fieldset>", RegexOptions.Singleline);
        Assert.True(match.Success, "no roles fieldset");
        var cls = Attribute(match.Groups[1].Value, "class") ?? "";
        return (string.Join(' ', cls.Split(' ', StringSplitOptions.RemoveEmptyEntries)), match.Groups[2].Value);
    }

    [Fact]
    public async Task ManageUser_EmptyEmailAndLockWithoutAReason_AreTiedToTheirFieldsAfterTheirHints()
    {
        // The remaining forms of the account's page: name and email, and a confirmation's reason.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        var id = await IdOfAsync(factory, KetamineCdsFactory.Staff);

        var details = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=Details", new() { ["Details.Email"] = "", ["Details.DisplayName"] = "" }, $"/Admin/Users/Edit/{id}");
        AssertTied(details, "Details_Email", "details-email-hint", null);
        AssertNotInError(details, "Details_DisplayName");

        var locked = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=Lock", new() { ["Reason"] = "" }, $"/Admin/Users/Edit/{id}");
        Assert.Equal("true", Attribute(OpeningTag(locked, "Reason"), "aria-invalid"));
        Assert.Equal("reason-hint Reason-error", Attribute(OpeningTag(locked, "Reason"), "aria-describedby"));
        Assert.Equal("field field--error", FieldClass(locked, "Reason"));
        Assert.StartsWith("Error: ", FieldMessages.Of(locked, "Reason"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AdminUserForms_FieldInError_ShowTheMessageAboveTheBox_AfterItsHint_AsTheScreeningFormDoes(string language)
    {
        // QA184 (minor): the screening form says what is wrong between the field's hint and its box (_FieldHintAndError),
        // where the eye goes before typing; the administrator's forms said it under the box. One order for both.
        using var factory = new KetamineCdsFactory();
        var admin = await factory.CreatePageClientAsync(KetamineCdsFactory.Admin);
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var psychiatrist = await factory.CreatePageClientAsync(KetamineCdsFactory.Psychiatrist);
        psychiatrist.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var id = await IdOfAsync(factory, KetamineCdsFactory.Staff);

        // The pattern followed: the screening form's patient reference, refused.
        var screening = await PostAsync(psychiatrist, "/Screenings/New", PageTests.ValidForm("MRN 1"));
        AssertInOrder(screening, "patientReference", "id=\"patientReference-hint\"", "id=\"patientReference-error\"", "id=\"patientReference\"");

        var create = await PostAsync(admin, "/Admin/Users/Create", new() { ["Input.Email"] = "", ["Input.Role"] = Roles.ClinicStaff, ["Input.Password"] = "" });
        AssertInOrder(create, "Input_Email", "<label for=\"Input_Email\"", "id=\"Input_Email-error\"", "id=\"Input_Email\"");
        AssertInOrder(create, "Input_Password", "id=\"password-hint\"", "id=\"Input_Password-error\"", "id=\"Input_Password\"");

        var details = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=Details", new() { ["Details.Email"] = "", ["Details.DisplayName"] = "" }, $"/Admin/Users/Edit/{id}");
        AssertInOrder(details, "Details_Email", "id=\"details-email-hint\"", "id=\"Details_Email-error\"", "id=\"Details_Email\"");

        var reset = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=ResetPassword", new() { ["NewPassword"] = "short" }, $"/Admin/Users/Edit/{id}");
        AssertInOrder(reset, "NewPassword", "id=\"new-password-hint\"", "id=\"NewPassword-error\"", "id=\"NewPassword\"");

        var roles = await PostPairsAsync(admin, $"/Admin/Users/Edit/{id}?handler=Roles", [], $"/Admin/Users/Edit/{id}");
        AssertInOrder(roles, "SelectedRoles", "</legend>", "id=\"SelectedRoles-error\"", "id=\"role-" + Roles.All[0] + "\"");

        var locked = await PostAsync(admin, $"/Admin/Users/Edit/{id}?handler=Lock", new() { ["Reason"] = "" }, $"/Admin/Users/Edit/{id}");
        AssertInOrder(locked, "Reason", "id=\"reason-hint\"", "id=\"Reason-error\"", "id=\"Reason\"");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task AccountForms_FieldInError_ShowTheMessageAboveTheBox_AfterItsLabelOrHint_AsTheScreeningFormDoes(string language)
    {
        // The leftover of QA184: the administrator's forms and the screening form say what is wrong between the field's
        // label (or hint) and its box; sign-in, the code step, change password and the second factor's forms said it under
        // the box. One order for every form.
        using var factory = new KetamineCdsFactory();

        var anonymous = factory.CreateRawClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using (var post = await anonymous.PostFormAsync("/Account/Login", "/Account/Login", [new("Input.Email", ""), new("Input.Password", "")]))
        {
            var signIn = await post.Content.ReadAsStringAsync();
            AssertInOrder(signIn, "email", "<label for=\"email\"", "id=\"Input_Email-error\"", "id=\"email\"");
            AssertInOrder(signIn, "password", "<label for=\"password\"", "id=\"Input_Password-error\"", "id=\"password\"");
        }

        var staff = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var change = await PostAsync(staff, "/Account/ChangePassword", new() { ["Input.CurrentPassword"] = "", ["Input.NewPassword"] = "", ["Input.ConfirmPassword"] = "" });
        AssertInOrder(change, "Input_CurrentPassword", "<label for=\"Input_CurrentPassword\"", "id=\"Input_CurrentPassword-error\"", "id=\"Input_CurrentPassword\"");
        AssertInOrder(change, "Input_NewPassword", "id=\"new-password-hint\"", "id=\"Input_NewPassword-error\"", "id=\"Input_NewPassword\"");

        var enable = await PostAsync(staff, "/Account/TwoFactor/Enable", new() { ["Code"] = "12345" });
        AssertInOrder(enable, "Code", "<label for=\"Code\"", "id=\"Code-error\"", "id=\"Code\"");

        staff.DefaultRequestHeaders.AcceptLanguage.Clear();
        await AccountHygieneTests.EnrolAsync(staff); // it reads the English page
        staff.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var disable = await PostAsync(staff, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = "not my password" }, "/Account/TwoFactor");
        AssertInOrder(disable, "password-disable", "<label for=\"password-disable\"", "id=\"Password-error\"", "id=\"password-disable\"");

        var codeStep = await CodeStepTests.PastThePasswordAsync(factory, KetamineCdsFactory.Staff);
        codeStep.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using (var post = await codeStep.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode", [new("Code", "1")]))
        {
            AssertInOrder(await post.Content.ReadAsStringAsync(), "code", "<label for=\"code\"", "id=\"Code-error\"", "id=\"code\"");
        }

        using (var post = await codeStep.PostFormAsync("/Account/LoginWithCode", "/Account/LoginWithCode?handler=Recovery", [new("RecoveryCode", "XXXXX-XXXXX")]))
        {
            AssertInOrder(await post.Content.ReadAsStringAsync(), "recovery-code", "id=\"recovery-hint\"", "id=\"RecoveryCode-error\"", "id=\"recovery-code\"");
        }
    }

    /// <summary>In the page, after <paramref name="after"/> come the field's message and then its box, in that order.</summary>
    private static void AssertInOrder(string html, string field, string after, string message, string box)
    {
        var a = html.IndexOf(after, StringComparison.Ordinal);
        var m = html.IndexOf(message, StringComparison.Ordinal);
        var b = html.IndexOf(box, StringComparison.Ordinal);
        Assert.True(a >= 0 && m >= 0 && b >= 0, $"{field}: not found ({a}, {m}, {b})");
        Assert.True(a < m && m < b, $"{field}: the message is not between {after} and the box ({a}, {m}, {b})");
    }

    [Fact]
    public async Task SecondFactor_WrongCodeAndWrongPassword_AreTiedToTheirFields()
    {
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);

        var enable = await PostAsync(client, "/Account/TwoFactor/Enable", new() { ["Code"] = "12345" });
        AssertTied(enable, "Code", null, null);

        await AccountHygieneTests.EnrolAsync(client);
        var disable = await PostAsync(client, "/Account/TwoFactor?handler=Disable", new() { ["Password"] = "not my password" }, "/Account/TwoFactor");
        var box = OpeningTag(disable, "password-disable");
        Assert.Equal("true", Attribute(box, "aria-invalid"));
        Assert.Equal("Password-error", Attribute(box, "aria-describedby"));
        Assert.Equal("field field--error", FieldClass(disable, "password-disable"));
        Assert.StartsWith("Error: The password is not right.", FieldMessages.Of(disable, "Password"), StringComparison.Ordinal);
        // The other form's password box, not sent, is not in error.
        AssertNotInError(disable, "password-codes");
    }

    [Theory]
    [InlineData(null, "12345", "There is a problem to fix; the second factor has not been turned on", "The code is the 6 digits your authenticator app shows.", "Error: Set up a second factor")]
    [InlineData("zh-CN", "", "有 1 个问题需要修正；第二重验证尚未开启", "请输入身份验证器应用显示的 6 位验证码。", "错误：设置第二重验证")]
    public async Task SecondFactorSetUp_WrongCode_IsSummedUpAtTheTopLinkedToTheCodeBox_AsOnTheOtherAccountForms(string? language, string code, string heading, string message, string title)
    {
        // The review: the set-up page had only the message under the box, far down the page past the QR code and the key,
        // while the other account forms open with an error summary.
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await PostAsync(client, "/Account/TwoFactor/Enable", new() { ["Code"] = code }));

        var summary = Regex.Match(html, "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" id=\"error-summary\">\\s*<h2 id=\"error-summary-title\">([^<]*)</h2>\\s*<ul>\\s*<li>\\s*<a href=\"#([^\"]*)\">([^<]*)</a>\\s*</li>\\s*</ul>");
        Assert.True(summary.Success, "no error summary with one linked problem");
        Assert.Equal((heading, "Code", message), (summary.Groups[1].Value, summary.Groups[2].Value, summary.Groups[3].Value));
        Assert.True(html.IndexOf("id=\"error-summary\"", StringComparison.Ordinal) < html.IndexOf("class=\"qr-code\"", StringComparison.Ordinal), "the summary stands before the steps");
        Assert.EndsWith(message, FieldMessages.Of(html, "Code"), StringComparison.Ordinal);
        Assert.Contains($"<title>{title} - KetamineCds</title>", html, StringComparison.Ordinal);
        AssertTied(html, "Code", null, null);
    }

    [Theory]
    [InlineData(null, "Disable", "not my password", "password-disable", "There is a problem to fix; the second factor is still on", "The password is not right.", "Error: Your account")]
    [InlineData("zh-CN", "RecoveryCodes", "", "password-codes", "有 1 个问题需要修正；尚未生成新的恢复码", "请输入密码以确认。", "错误：您的账户")]
    public async Task YourAccount_PasswordRefused_IsSummedUpAtTheTopLinkedToThatFormsPasswordBox(string? language, string handler, string password, string box, string heading, string message, string title)
    {
        // The review: turning the second factor off and making new recovery codes had no error summary, unlike the other
        // forms (the set-up page's), only the message under the box.
        using var factory = new KetamineCdsFactory();
        var client = await factory.CreatePageClientAsync(KetamineCdsFactory.Staff);
        await AccountHygieneTests.EnrolAsync(client);
        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        var html = WebUtility.HtmlDecode(await PostAsync(client, "/Account/TwoFactor?handler=" + handler, new() { ["Password"] = password }, "/Account/TwoFactor"));

        var summary = Regex.Match(html, "<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" tabindex=\"-1\" id=\"error-summary\">\\s*<h2 id=\"error-summary-title\">([^<]*)</h2>\\s*<ul>\\s*<li>\\s*<a href=\"#([^\"]*)\">([^<]*)</a>\\s*</li>\\s*</ul>");
        Assert.True(summary.Success, "no error summary with one linked problem");
        Assert.Equal((heading, box, message), (summary.Groups[1].Value, summary.Groups[2].Value, summary.Groups[3].Value));
        Assert.Single(Regex.Matches(html, "class=\"error-summary\""));
        Assert.Equal("true", Attribute(OpeningTag(html, box), "aria-invalid"));
        Assert.Equal("field field--error", FieldClass(html, box));
        Assert.Equal("field", FieldClass(html, box == "password-disable" ? "password-codes" : "password-disable"));
        Assert.Contains($"<title>{title} - KetamineCds</title>", html, StringComparison.Ordinal);
    }

    /// <summary>The control <paramref name="id"/> is invalid and described by its hint (if any) then its error, which says <paramref name="message"/>.</summary>
    private static void AssertTied(string html, string id, string? hintId, string? message)
    {
        var tag = OpeningTag(html, id);
        Assert.Equal("true", Attribute(tag, "aria-invalid"));
        // The field has the screening form's red bar beside it, as the sign-in form's has (SignInFieldErrorTests).
        Assert.Equal("field field--error", FieldClass(html, id));
        Assert.Equal(hintId is null ? id + "-error" : hintId + " " + id + "-error", Attribute(tag, "aria-describedby"));
        var error = Regex.Match(html, "<span[^>]*\\bid=\"" + Regex.Escape(id) + "-error\"[^>]*>(.*?)</span>\\s*<", RegexOptions.Singleline);
        Assert.True(error.Success, $"no message with the id {id}-error");
        Assert.Contains("field-validation-error", error.Value, StringComparison.Ordinal);
        // Read as a screen reader reads it: the message says it is an error, in the page's language, before what is wrong.
        var read = WebUtility.HtmlDecode(Regex.Replace(error.Groups[1].Value, "<[^>]*>", string.Empty));
        Assert.Matches(new Regex("^(Error: |错误： )[^ ]"), read);
        if (message is not null)
        {
            Assert.Contains(message, read, StringComparison.Ordinal);
        }
    }

    private static void AssertNotInError(string html, string id)
    {
        var tag = OpeningTag(html, id);
        Assert.Null(Attribute(tag, "aria-invalid"));
        Assert.DoesNotContain("-error", Attribute(tag, "aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Equal("field", FieldClass(html, id));
    }

    private static Task<string> PostAsync(HttpClient client, string path, Dictionary<string, string> fields, string? formPage = null) =>
        PostPairsAsync(client, path, [.. fields], formPage ?? path);

    private static async Task<string> PostPairsAsync(HttpClient client, string path, List<KeyValuePair<string, string>> fields, string formPage)
    {
        fields.Add(new("__RequestVerificationToken", await KetamineCdsFactory.AntiforgeryTokenAsync(client, formPage)));
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> IdOfAsync(KetamineCdsFactory factory, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }
}
