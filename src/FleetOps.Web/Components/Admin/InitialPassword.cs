using System.Security.Cryptography;

namespace FleetOps.Web.Components.Admin;

/// <summary>
/// Generated initial passwords for invited users. A person reads it out or types it, so the alphabet leaves out
/// look-alikes (0/O, 1/l/I) and the groups of four are easy to follow; 16 random characters from 57 give ~93 bits.
/// It always meets Identity's rules (at least 10 characters, upper and lower case letters and a digit).
/// </summary>
public static class InitialPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Upper + Lower + Digits;

    public static string New()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
            if (chars.Any(Upper.Contains) && chars.Any(Lower.Contains) && chars.Any(Digits.Contains))
            {
                return string.Join('-', chars.Chunk(4).Select(group => new string(group)));
            }
        }
    }
}
