using Microsoft.AspNetCore.Identity;

namespace Marketplaces.Accounts;

/// <summary>Identity's refusals in the words the forms use, instead of the framework's ("Passwords must have at least one digit ('0'-'9')").</summary>
public sealed class PlainIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Plain(nameof(PasswordTooShort), $"The password is too short: use at least {length} characters.");
    public override IdentityError PasswordRequiresUpper() => Plain(nameof(PasswordRequiresUpper), "The password needs an upper-case letter (A to Z).");
    public override IdentityError PasswordRequiresLower() => Plain(nameof(PasswordRequiresLower), "The password needs a lower-case letter (a to z).");
    public override IdentityError PasswordRequiresDigit() => Plain(nameof(PasswordRequiresDigit), "The password needs a digit (0 to 9).");
    public override IdentityError PasswordMismatch() => Plain(nameof(PasswordMismatch), "The current password is not right.");
    public override IdentityError DuplicateEmail(string email) => Plain(nameof(DuplicateEmail), $"{email} already has an account.");
    public override IdentityError DuplicateUserName(string userName) => Plain(nameof(DuplicateUserName), $"{userName} already has an account.");
    public override IdentityError InvalidEmail(string? email) => Plain(nameof(InvalidEmail), $"{email} is not a valid email address.");

    private static IdentityError Plain(string code, string description) => new() { Code = code, Description = description };
}
