using Microsoft.AspNetCore.Identity;

namespace Marketplaces.Accounts;

/// <summary>The password rules, set once for Identity and said once in words for the forms that ask for a password.</summary>
public static class PasswordRules
{
    public const int MinimumLength = 10;

    public const string InWords = "At least 10 characters, with an upper-case letter, a lower-case letter and a digit.";

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireUppercase = true;
        options.RequireLowercase = true;
        options.RequireDigit = true;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }
}
