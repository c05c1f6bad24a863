; *** Inno Setup 6 Vietnamese messages for kcdesk ***
;
; Our own translation, kept in this repository. Inno Setup ships no official Vietnamese
; file (the Vietnamese.isl on jrsoftware.org is an unofficial, user-contributed one of
; unknown upkeep), so we translate the messages a per-user install, upgrade and uninstall
; of kcdesk can show, in the words the app itself uses. installer/kcdesk.iss loads this file
; AFTER compiler:Default.isl: any message not listed here falls back to Inno's English
; (rare screens: passwords, disks, components), and a newer Inno Setup never fails on a
; missing message.
;
; Each message carries Inno's English original in the comment above it;
; tests/installer/test_inno_script.py checks that every translation keeps its %1, %n,
; [name] and [mb] arguments. Saved as UTF-8 with a byte-order mark (Inno Setup needs the
; BOM to read the file as UTF-8).

[LangOptions]
LanguageName=Tiếng Việt
LanguageID=$042A
; 0: shown on every Windows (Inno Setup 6 is Unicode).
LanguageCodePage=0

[Messages]

; *** Application titles
; en: Setup
SetupAppTitle=Cài đặt
; en: Setup - %1
SetupWindowTitle=Cài đặt - %1
; en: Uninstall
UninstallAppTitle=Gỡ cài đặt
; en: %1 Uninstall
UninstallAppFullTitle=Gỡ cài đặt %1
; en: Information
InformationTitle=Thông tin
; en: Confirm
ConfirmTitle=Xác nhận
; en: Error
ErrorTitle=Lỗi

; *** Start-up
; en: This will install %1. Do you wish to continue?
SetupLdrStartupMessage=Chương trình sẽ cài đặt %1. Bạn có muốn tiếp tục không?
; en: Unable to create a temporary file. Setup aborted
LdrCannotCreateTemp=Không tạo được tệp tạm. Đã dừng cài đặt
; en: Unable to execute file in the temporary directory. Setup aborted
LdrCannotExecTemp=Không chạy được tệp trong thư mục tạm. Đã dừng cài đặt
; en: Setup is already running.
SetupAlreadyRunning=Trình cài đặt đang chạy.
; en: This program does not support the version of Windows your computer is running.
WindowsVersionNotSupported=Chương trình này không hỗ trợ phiên bản Windows trên máy tính của bạn.
; en: This program can only be installed on versions of Windows designed for the following processor architectures:%n%n%1
OnlyOnTheseArchitectures=Chương trình này chỉ cài được trên các phiên bản Windows dành cho các kiến trúc bộ xử lý sau:%n%n%1
; en: This program requires %1 version %2 or later.
WinVersionTooLowError=Chương trình này cần %1 phiên bản %2 trở lên.
; en: Setup has detected that %1 is currently running.%n%nPlease close all instances of it now, then click OK to continue, or Cancel to exit.
SetupAppRunningError=Trình cài đặt thấy %1 đang chạy.%n%nHãy đóng mọi cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
; en: Uninstall has detected that %1 is currently running.%n%nPlease close all instances of it now, then click OK to continue, or Cancel to exit.
UninstallAppRunningError=Trình gỡ cài đặt thấy %1 đang chạy.%n%nHãy đóng mọi cửa sổ của chương trình, rồi bấm OK để tiếp tục, hoặc Hủy để thoát.
; en: Setup was unable to create the directory "%1"
ErrorCreatingDir=Trình cài đặt không tạo được thư mục "%1"

; *** Common
; en: Exit Setup
ExitSetupTitle=Thoát cài đặt
; en: Setup is not complete. If you exit now, the program will not be installed.%n%nYou may run Setup again at another time to complete the installation.%n%nExit Setup?
ExitSetupMessage=Việc cài đặt chưa xong. Nếu thoát bây giờ, chương trình sẽ không được cài.%n%nBạn có thể chạy lại trình cài đặt vào lúc khác để cài cho xong.%n%nThoát cài đặt?
; en: &About Setup...
AboutSetupMenuItem=&Giới thiệu trình cài đặt...
; en: About Setup
AboutSetupTitle=Giới thiệu trình cài đặt

; *** Buttons
; en: < &Back
ButtonBack=< &Quay lại
; en: &Next >
ButtonNext=&Tiếp >
; en: &Install
ButtonInstall=&Cài đặt
; en: OK
ButtonOK=OK
; en: Cancel
ButtonCancel=Hủy
; en: &Yes
ButtonYes=&Có
; en: Yes to &All
ButtonYesToAll=Có với &tất cả
; en: &No
ButtonNo=&Không
; en: N&o to All
ButtonNoToAll=Không với tất &cả
; en: &Finish
ButtonFinish=&Xong
; en: &Browse...
ButtonBrowse=&Chọn...
; en: B&rowse...
ButtonWizardBrowse=C&họn...
; en: &Make New Folder
ButtonNewFolder=&Tạo thư mục mới

; *** Language dialog
; en: Select Setup Language
SelectLanguageTitle=Chọn ngôn ngữ cài đặt
; en: Select the language to use during the installation.
SelectLanguageLabel=Chọn ngôn ngữ dùng trong khi cài đặt.

; *** Wizard
; en: Click Next to continue, or Cancel to exit Setup.
ClickNext=Bấm Tiếp để tiếp tục, hoặc Hủy để thoát cài đặt.
; en: Browse For Folder
BrowseDialogTitle=Chọn thư mục
; en: Select a folder in the list below, then click OK.
BrowseDialogLabel=Chọn một thư mục trong danh sách dưới đây, rồi bấm OK.
; en: New Folder
NewFolderName=Thư mục mới
; en: Welcome to the [name] Setup Wizard
WelcomeLabel1=Chào mừng đến với trình cài đặt [name]
; en: This will install [name/ver] on your computer.%n%nIt is recommended that you close all other applications before continuing.
WelcomeLabel2=Trình cài đặt sẽ cài [name/ver] vào máy tính của bạn.%n%nNên đóng các chương trình khác trước khi tiếp tục.
; en: Select Destination Location
WizardSelectDir=Chọn nơi cài đặt
; en: Where should [name] be installed?
SelectDirDesc=Cài [name] vào đâu?
; en: Setup will install [name] into the following folder.
SelectDirLabel3=Trình cài đặt sẽ cài [name] vào thư mục sau.
; en: To continue, click Next. If you would like to select a different folder, click Browse.
SelectDirBrowseLabel=Bấm Tiếp để tiếp tục. Nếu muốn chọn thư mục khác, bấm Chọn.
; en: At least [mb] MB of free disk space is required.
DiskSpaceMBLabel=Cần ít nhất [mb] MB dung lượng trống.
; en: Not Enough Disk Space
DiskSpaceWarningTitle=Không đủ dung lượng
; en: Setup requires at least %1 KB of free space to install, but the selected drive only has %2 KB available.%n%nDo you want to continue anyway?
DiskSpaceWarning=Cần ít nhất %1 KB dung lượng trống để cài, nhưng ổ đĩa đã chọn chỉ còn %2 KB.%n%nBạn vẫn muốn tiếp tục?
; en: Folder Exists
DirExistsTitle=Thư mục đã có
; en: The folder:%n%n%1%n%nalready exists. Would you like to install to that folder anyway?
DirExists=Thư mục:%n%n%1%n%nđã có. Bạn vẫn muốn cài vào thư mục này?
; en: Folder Does Not Exist
DirDoesntExistTitle=Thư mục chưa có
; en: The folder:%n%n%1%n%ndoes not exist. Would you like the folder to be created?
DirDoesntExist=Thư mục:%n%n%1%n%nchưa có. Bạn có muốn tạo thư mục này không?
; en: Select Additional Tasks
WizardSelectTasks=Chọn việc làm thêm
; en: Which additional tasks should be performed?
SelectTasksDesc=Trình cài đặt làm thêm những việc nào?
; en: Select the additional tasks you would like Setup to perform while installing [name], then click Next.
SelectTasksLabel2=Chọn những việc trình cài đặt làm thêm khi cài [name], rồi bấm Tiếp.
; en: Ready to Install
WizardReady=Sẵn sàng cài đặt
; en: Setup is now ready to begin installing [name] on your computer.
ReadyLabel1=Trình cài đặt đã sẵn sàng cài [name] vào máy tính của bạn.
; en: Click Install to continue with the installation, or click Back if you want to review or change any settings.
ReadyLabel2a=Bấm Cài đặt để bắt đầu, hoặc Quay lại nếu muốn xem hay đổi thiết lập.
; en: Click Install to continue with the installation.
ReadyLabel2b=Bấm Cài đặt để bắt đầu.
; en: Destination location:
ReadyMemoDir=Nơi cài đặt:
; en: Start Menu folder:
ReadyMemoGroup=Thư mục trong menu Start:
; en: Additional tasks:
ReadyMemoTasks=Việc làm thêm:
; en: Preparing to Install
WizardPreparing=Chuẩn bị cài đặt
; en: Setup is preparing to install [name] on your computer.
PreparingDesc=Trình cài đặt đang chuẩn bị cài [name] vào máy tính của bạn.
; en: Setup cannot continue. Please click Cancel to exit.
CannotContinue=Không thể cài tiếp. Hãy bấm Hủy để thoát.
; en: The following applications are using files that need to be updated by Setup. It is recommended that you allow Setup to automatically close these applications.
ApplicationsFound=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này.
; en: The following applications are using files that need to be updated by Setup. It is recommended that you allow Setup to automatically close these applications. After the installation has completed, Setup will attempt to restart the applications.
ApplicationsFound2=Các chương trình sau đang dùng những tệp cần cập nhật. Nên để trình cài đặt tự đóng các chương trình này. Cài xong, trình cài đặt sẽ thử mở lại chúng.
; en: &Automatically close the applications
CloseApplications=&Tự động đóng các chương trình
; en: &Do not close the applications
DontCloseApplications=&Không đóng các chương trình
; en: Setup was unable to automatically close all applications. It is recommended that you close all applications using files that need to be updated by Setup before continuing.
ErrorCloseApplications=Trình cài đặt không tự đóng được hết các chương trình. Trước khi tiếp tục, hãy đóng các chương trình đang dùng những tệp cần cập nhật.
; en: Installing
WizardInstalling=Đang cài đặt
; en: Please wait while Setup installs [name] on your computer.
InstallingLabel=Xin chờ trong khi trình cài đặt cài [name] vào máy tính của bạn.
; en: Completing the [name] Setup Wizard
FinishedHeadingLabel=Hoàn tất cài đặt [name]
; en: Setup has finished installing [name] on your computer.
FinishedLabelNoIcons=Đã cài xong [name] vào máy tính của bạn.
; en: Setup has finished installing [name] on your computer. The application may be launched by selecting the installed shortcuts.
FinishedLabel=Đã cài xong [name] vào máy tính của bạn. Có thể mở chương trình bằng các lối tắt vừa tạo.
; en: Click Finish to exit Setup.
ClickFinish=Bấm Xong để thoát cài đặt.
; en: Run %1
RunEntryExec=Mở %1
; en: View %1
RunEntryShellExec=Xem %1

; *** Installation phase
; en: Setup was not completed.%n%nPlease correct the problem and run Setup again.
SetupAborted=Việc cài đặt chưa hoàn tất.%n%nHãy khắc phục sự cố rồi chạy lại trình cài đặt.
; en: Closing applications...
StatusClosingApplications=Đang đóng các chương trình...
; en: Creating directories...
StatusCreateDirs=Đang tạo thư mục...
; en: Extracting files...
StatusExtractFiles=Đang chép tệp...
; en: Creating shortcuts...
StatusCreateIcons=Đang tạo lối tắt...
; en: Creating registry entries...
StatusCreateRegistryEntries=Đang ghi thông tin cài đặt...
; en: Saving uninstall information...
StatusSavingUninstall=Đang lưu thông tin gỡ cài đặt...
; en: Finishing installation...
StatusRunProgram=Đang hoàn tất cài đặt...
; en: Restarting applications...
StatusRestartingApplications=Đang mở lại các chương trình...
; en: Rolling back changes...
StatusRollback=Đang hoàn tác các thay đổi...

; *** Uninstall
; en: Are you sure you want to completely remove %1 and all of its components?
ConfirmUninstall=Bạn có chắc muốn gỡ %1 khỏi máy? Dữ liệu của bạn (cơ sở dữ liệu, bản sao lưu) được giữ lại.
; en: Please wait while %1 is removed from your computer.
UninstallStatusLabel=Xin chờ trong khi gỡ %1 khỏi máy tính của bạn.
; en: %1 was successfully removed from your computer.
UninstalledAll=Đã gỡ %1 khỏi máy tính của bạn.
; en: %1 uninstall complete.%n%nSome elements could not be removed. These can be removed manually.
UninstalledMost=Đã gỡ xong %1.%n%nMột số mục không gỡ được; có thể xóa chúng bằng tay.
; en: Uninstall Status
WizardUninstalling=Tình trạng gỡ cài đặt
; en: Uninstalling %1...
StatusUninstalling=Đang gỡ %1...

[CustomMessages]
; en: %1 version %2
NameAndVersion=%1 phiên bản %2
; en: Additional shortcuts:
AdditionalIcons=Lối tắt bổ sung:
; en: Create a &desktop shortcut
CreateDesktopIcon=Tạo lối tắt trên &màn hình nền
; en: %1 on the Web
ProgramOnTheWeb=%1 trên web
; en: Uninstall %1
UninstallProgram=Gỡ cài đặt %1
; en: Launch %1
LaunchProgram=Mở %1
