# wslnet: observe everything wslnet manages on this Windows host, in one process.
# Input: base64 of a UTF-8 JSON request, as -Request (what wslnet's bootstrap passes), -RequestPath, or on stdin:
# {"group": string or null, "wslQueries": bool}.
# Output: one line "WSLNET-RESULT:" + base64 of a UTF-8 JSON document. Values are only ever data here: nothing
# read from the request or from Windows becomes script text.
param([string]$Request, [string]$RequestPath, [string]$ResultPath)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$vmCreator = '{40E0AC32-46A5-438A-A0B2-2B479E8F2E90}'

function Read-Request {
  if ($Request) { $encoded = $Request }
  elseif ($RequestPath) { $encoded = [IO.File]::ReadAllText($RequestPath) }
  else { $encoded = [Console]::In.ReadToEnd() }
  $json = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($encoded.Trim()))
  return ConvertFrom-Json -InputObject $json
}

function Write-Result($value) {
  $json = ConvertTo-Json -InputObject $value -Depth 8 -Compress
  $encoded = [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($json))
  if ($ResultPath) { [IO.File]::WriteAllText($ResultPath, $encoded) } else { [Console]::Out.WriteLine('WSLNET-RESULT:' + $encoded) }
}

# The raw bytes a program writes to stdout, base64-encoded: wsl.exe writes UTF-16LE unless WSL_UTF8=1, and Java
# decodes either. $null when the program cannot run or does not finish in 30 seconds.
function Get-RawOutput([string]$file, [string]$arguments) {
  try {
    $info = New-Object System.Diagnostics.ProcessStartInfo
    $info.FileName = $file
    $info.Arguments = $arguments
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.CreateNoWindow = $true
    $process = [System.Diagnostics.Process]::Start($info)
    $errors = $process.StandardError.ReadToEndAsync()
    $buffer = New-Object System.IO.MemoryStream
    $process.StandardOutput.BaseStream.CopyTo($buffer)
    if (-not $process.WaitForExit(30000)) {
      $process.Kill()
      return $null
    }
    $null = $errors.Result
    return [Convert]::ToBase64String($buffer.ToArray())
  } catch {
    return $null
  }
}

function ConvertTo-Strings($values) {
  return @($values | Where-Object { $null -ne $_ } | ForEach-Object { [string]$_ })
}

$request = Read-Request

$identity = [Security.Principal.WindowsIdentity]::GetCurrent()
$principal = New-Object Security.Principal.WindowsPrincipal($identity)
$elevated = $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)

$wslconfigPath = Join-Path $env:USERPROFILE '.wslconfig'
$wslconfig = $null
if (Test-Path -LiteralPath $wslconfigPath -PathType Leaf) {
  $wslconfig = [Convert]::ToBase64String([IO.File]::ReadAllBytes($wslconfigPath))
}

$portProxy = @()
foreach ($type in 'v4tov4', 'v4tov6', 'v6tov4', 'v6tov6') {
  $key = 'HKLM:\SYSTEM\CurrentControlSet\Services\PortProxy\' + $type + '\tcp'
  if (Test-Path -LiteralPath $key) {
    $item = Get-Item -LiteralPath $key
    foreach ($name in $item.GetValueNames()) {
      $portProxy += @{ type = $type; name = [string]$name; data = [string]$item.GetValue($name) }
    }
  }
}

$service = Get-Service -Name 'iphlpsvc' -ErrorAction SilentlyContinue
$ipHelperRunning = ($null -ne $service) -and ([string]$service.Status -eq 'Running')

$hostAddress = $null
try {
  $address = Get-NetIPAddress -AddressFamily IPv4 -ErrorAction Stop |
    Where-Object { $_.InterfaceAlias -like 'vEthernet (WSL*' } |
    Select-Object -First 1
  if ($address) { $hostAddress = [string]$address.IPAddress }
} catch {
  $hostAddress = $null
}

$hyperVAvailable = $null -ne (Get-Command -Name 'New-NetFirewallHyperVRule' -ErrorAction SilentlyContinue)
$hyperVSettings = $null
$hyperVRules = @()
if ($hyperVAvailable) {
  try {
    $setting = Get-NetFirewallHyperVVMSetting -PolicyStore ActiveStore -Name $vmCreator -ErrorAction Stop
    $hyperVSettings = @{
      enabled = [string]$setting.Enabled
      defaultInboundAction = [string]$setting.DefaultInboundAction
      defaultOutboundAction = [string]$setting.DefaultOutboundAction
      loopbackEnabled = [string]$setting.LoopbackEnabled
      allowHostPolicyMerge = [string]$setting.AllowHostPolicyMerge
    }
  } catch {
    $hyperVSettings = $null
  }
  foreach ($rule in @(Get-NetFirewallHyperVRule -VMCreatorId $vmCreator -ErrorAction SilentlyContinue)) {
    $hyperVRules += @{
      name = [string]$rule.Name
      displayName = [string]$rule.DisplayName
      direction = [string]$rule.Direction
      action = [string]$rule.Action
      protocol = [string]$rule.Protocol
      enabled = [string]$rule.Enabled
      profiles = [string]$rule.Profiles
      localPorts = ConvertTo-Strings $rule.LocalPorts
      remotePorts = ConvertTo-Strings $rule.RemotePorts
      localAddresses = ConvertTo-Strings $rule.LocalAddresses
      remoteAddresses = ConvertTo-Strings $rule.RemoteAddresses
    }
  }
}

$windowsRules = @()
if ($request.group) {
  $group = [string]$request.group
  $rules = @(Get-NetFirewallRule -ErrorAction SilentlyContinue | Where-Object { $_.Group -eq $group })
  foreach ($rule in $rules) {
    $ports = $rule | Get-NetFirewallPortFilter
    $addresses = $rule | Get-NetFirewallAddressFilter
    $application = $rule | Get-NetFirewallApplicationFilter
    $interface = $rule | Get-NetFirewallInterfaceFilter
    $windowsRules += @{
      name = [string]$rule.Name
      displayName = [string]$rule.DisplayName
      description = [string]$rule.Description
      direction = [string]$rule.Direction
      action = [string]$rule.Action
      enabled = [string]$rule.Enabled
      profiles = [string]$rule.Profile
      protocol = [string]$ports.Protocol
      localPorts = ConvertTo-Strings $ports.LocalPort
      remotePorts = ConvertTo-Strings $ports.RemotePort
      localAddresses = ConvertTo-Strings $addresses.LocalAddress
      remoteAddresses = ConvertTo-Strings $addresses.RemoteAddress
      program = [string]$application.Program
      interfaceAliases = ConvertTo-Strings $interface.InterfaceAlias
    }
  }
}

$wslHostnameOutput = $null
$wslNetworkingModeOutput = $null
if ($request.wslQueries) {
  $wslHostnameOutput = Get-RawOutput 'wsl.exe' '-e hostname -I'
  $wslNetworkingModeOutput = Get-RawOutput 'wsl.exe' '-e wslinfo --networking-mode'
}

Write-Result @{
  osBuild = [Environment]::OSVersion.Version.Build
  elevated = $elevated
  userProfile = [string]$env:USERPROFILE
  wslconfig = $wslconfig
  wslVersionOutput = (Get-RawOutput 'wsl.exe' '--version')
  wslHostnameOutput = $wslHostnameOutput
  wslNetworkingModeOutput = $wslNetworkingModeOutput
  hostAddress = $hostAddress
  ipHelperRunning = $ipHelperRunning
  hyperVAvailable = $hyperVAvailable
  portProxy = $portProxy
  hyperVSettings = $hyperVSettings
  hyperVRules = $hyperVRules
  windowsRules = $windowsRules
}
