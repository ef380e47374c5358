using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Zeues.Web.Admin;

/// <summary>
/// PBKDF2-SHA256 hashes written as "pbkdf2-sha256$iterations$saltBase64$hashBase64". The count is in
/// the hash, so hashes made with fewer iterations (100,000 before) still verify.
/// </summary>
public static class SupervisorPassword
{
    /// <summary>OWASP's current guidance for PBKDF2-HMAC-SHA256.</summary>
    public const int Iterations = 600_000;

    public static string Hash(string password, byte[]? salt = null, int iterations = Iterations)
    {
        salt ??= RandomNumberGenerator.GetBytes(16);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, 32);
        return $"pbkdf2-sha256${iterations.ToString(CultureInfo.InvariantCulture)}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts.Length != 4 || parts[0] != "pbkdf2-sha256" || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
            return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
