# Windows: set up a virtual environment, create an embedded SQLite database with demo data and
# start ifodesk. Mirrors scripts/run-demo.sh. Extra arguments go to ifodesk.
#   powershell -ExecutionPolicy Bypass -File scripts\run-demo.ps1 [--user karin.berg]
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

function Fail([string]$Message) {
    [Console]::Error.WriteLine($Message)
    exit 1
}

function Invoke-Checked {
    param([string]$Exe, [string[]]$Arguments)
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') misslyckades (slutkod $LASTEXITCODE)" }
}

# Python 3.11 or later: $env:PYTHON, else the py launcher, else python on PATH.
if ($env:PYTHON) { $py = @($env:PYTHON) }
elseif (Get-Command py -ErrorAction SilentlyContinue) { $py = @('py', '-3') }
elseif (Get-Command python -ErrorAction SilentlyContinue) { $py = @('python') }
else { Fail 'run-demo: hittar inte Python; installera Python 3.11 eller senare från python.org' }
$pyExe = $py[0]; $pyArgs = @($py | Select-Object -Skip 1)
& $pyExe @pyArgs -c 'import sys; sys.exit(sys.version_info < (3, 11))'
if ($LASTEXITCODE -ne 0) { Fail 'run-demo: ifodesk kräver Python 3.11 eller senare' }

$venvPy = Join-Path '.venv' 'Scripts\python.exe'
if (-not (Test-Path $venvPy)) { Invoke-Checked $pyExe ($pyArgs + @('-m', 'venv', '.venv')) }
Invoke-Checked $venvPy @('-m', 'pip', 'install', '-q', '--upgrade', 'pip')
Invoke-Checked $venvPy @('-m', 'pip', 'install', '-q', '-e', '.')

$db = if ($env:IFODESK_DEMO_DB) { $env:IFODESK_DEMO_DB } else { Join-Path $PWD 'demo\ifodesk-demo.sqlite3' }
New-Item -ItemType Directory -Force -Path (Split-Path -Parent $db) | Out-Null
$url = 'sqlite:///' + ($db -replace '\\', '/')
$cases = if ($env:IFODESK_DEMO_CASES) { $env:IFODESK_DEMO_CASES } else { '2000' }
if (-not (Test-Path $db)) {
    Invoke-Checked (Join-Path '.venv' 'Scripts\ifodesk-admin.exe') @('demo', '--database', $url, '--cases', $cases)
}
# ifodesk.exe is a GUI program: wait for it so the exit code is its own. Start-Process joins its
# arguments with spaces, so one with a space in it (a user folder) is quoted.
$gui = Join-Path '.venv' 'Scripts\ifodesk.exe'
$guiArgs = @('--database', $url, '--demo') + $args | ForEach-Object { if ($_ -match '\s') { '"' + $_ + '"' } else { $_ } }
$p = Start-Process -FilePath $gui -ArgumentList $guiArgs -Wait -PassThru -NoNewWindow
exit $p.ExitCode
