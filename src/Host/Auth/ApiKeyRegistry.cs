using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Spiisee.EventSourced.Host.Configuration;

namespace Spiisee.EventSourced.Host.Auth;

/// <summary>
/// The keys of configuration (Auth:Keys:N:Key, :Role, :AccountId, :ContactId). Keys are kept as SHA-256 digests and
/// compared in constant time against every configured key, so neither timing nor logs reveal one.
/// </summary>
public sealed class ApiKeyRegistry
{
    private readonly List<(byte[] Digest, Caller Caller)> _keys = [];

    public ApiKeyRegistry(IConfiguration configuration)
    {
        var index = 0;
        foreach (var section in configuration.GetSection("Auth:Keys").GetChildren())
        {
            var key = section["Key"];
            if (string.IsNullOrEmpty(key))
            {
                continue;
            }
            if (!Enum.TryParse<Role>(section["Role"], ignoreCase: false, out var role))
            {
                throw new ConfigurationException(ExitCodes.Config, $"configuration Auth:Keys:{section.Key}:Role: '{section["Role"]}' is not BackOffice, Auditor or Customer");
            }
            var accountId = section["AccountId"];
            var contactId = section["ContactId"];
            if (role == Role.Customer && (string.IsNullOrEmpty(accountId) || string.IsNullOrEmpty(contactId)))
            {
                throw new ConfigurationException(ExitCodes.Config, $"configuration Auth:Keys:{section.Key}: a Customer key needs AccountId and ContactId");
            }
            var caller = new Caller(section["Name"] ?? $"key{index}", role, accountId, contactId);
            var digest = Digest(key);
            // A key's name is its rate-limit budget and its name in logs; a key twice would be whichever came last.
            if (_keys.FirstOrDefault(k => k.Caller.Name == caller.Name || CryptographicOperations.FixedTimeEquals(k.Digest, digest)) is { Caller: { } other })
            {
                throw new ConfigurationException(ExitCodes.Config, other.Name == caller.Name
                    ? $"configuration Auth:Keys:{section.Key}: the name '{caller.Name}' is another key's too (each key's name is its own rate limit)"
                    : $"configuration Auth:Keys:{section.Key}: the same key as '{other.Name}'");
            }
            _keys.Add((digest, caller));
            index++;
        }
    }

    public int Count => _keys.Count;

    public Caller? Find(string presented)
    {
        var digest = Digest(presented);
        Caller? found = null;
        foreach (var (candidate, caller) in _keys)
        {
            // No early exit: every configured key is compared whatever matches.
            if (CryptographicOperations.FixedTimeEquals(candidate, digest))
            {
                found = caller;
            }
        }
        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
