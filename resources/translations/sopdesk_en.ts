<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AddSopDialog</name>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="89"/>
        <source>Tambah SOP ke katalog kantor</source>
        <translation>Add an SOP to the office catalog</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="94"/>
        <source>Belum ada berkas dipilih</source>
        <translation>No file chosen yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="95"/>
        <source>Pilih &amp;berkas…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="98"/>
        <source>Berkas SOP (.yaml):</source>
        <translation>SOP file (.yaml):</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="112"/>
        <source>Pratinjau diagram alir:</source>
        <translation>Flowchart preview:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="121"/>
        <source>&amp;Pasang</source>
        <translation>&amp;Install</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="135"/>
        <source>Pilih berkas SOP</source>
        <translation>Choose an SOP file</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="136"/>
        <source>Berkas SOP (*.yaml *.yml)</source>
        <translation>SOP files (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="164"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="174"/>
        <source>Semua berkas sudah terpasang; tidak ada yang perlu dipasang.</source>
        <translation>Every file is installed already; there is nothing to install.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="177"/>
        <source>Berkas sah dan cocok dengan katalog terpasang. Tekan Pasang untuk menambahkannya ke katalog kantor.</source>
        <translation>The file is valid and fits the installed catalog. Press Install to add it to the office catalog.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="181"/>
        <source>Perbaiki masalah di atas lalu pilih berkasnya lagi; tidak ada yang dipasang.</source>
        <translation>Fix the problems above, then choose the file again; nothing was installed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="205"/>
        <source>Periksa baris ini dan baris sebelumnya: spasi di awal baris harus sejajar dengan baris lain pada tingkat yang sama (pakai spasi, bukan Tab), setelah nama kolom ada titik dua dan spasi, dan setiap tanda kutip atau kurung [ ] { } ditutup lagi.</source>
        <translation>Check this line and the one before: the spaces at the start of a line must line up with the other lines at the same level (use spaces, not Tab), a key is followed by a colon and a space, and every quote or bracket [ ] { } is closed again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="229"/>
        <source>SOP ditambahkan ke katalog kantor: {0}</source>
        <translation>SOP added to the office catalog: {0}</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="119"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="123"/>
        <source>Nama pengguna*</source>
        <translation>Username*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="124"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="125"/>
        <source>Kata sandi*</source>
        <translation>Password*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="74"/>
        <source>Ulangi kata sandi*</source>
        <translation>Repeat password*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="126"/>
        <source>Peran*</source>
        <translation>Roles*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="119"/>
        <source>Tambah</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="58"/>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="203"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="80"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="124"/>
        <source>Cadangan dan pemeriksaan</source>
        <translation>Backups and checks</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="138"/>
        <source> cadangan terakhir</source>
        <translation> latest backups</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="140"/>
        <source>Pilih folder (mis. diska USB)…</source>
        <translation>Choose folder (e.g. a USB disk)…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="142"/>
        <source>Buat cadangan sekarang</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="144"/>
        <source>Pulihkan dari cadangan…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="146"/>
        <source>Periksa data</source>
        <translation>Check data</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="150"/>
        <source>Temuan sudah saya lihat</source>
        <translation>I have seen the findings</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="153"/>
        <source>Cadangan dibuat otomatis setiap hari dan ketika sopdesk ditutup.</source>
        <translation>A backup is made automatically every day and when sopdesk closes.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="159"/>
        <location filename="../../sopdesk/gui/settings_backup.py" line="185"/>
        <source>Folder cadangan</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="160"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="192"/>
        <source>Sedang membuat cadangan…</source>
        <translation>Making a backup…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="196"/>
        <source>Cadangan dibuat: {0}</source>
        <translation>Backup made: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="209"/>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="211"/>
        <source>Cadangan sopdesk (*.zip)</source>
        <translation>sopdesk backups (*.zip)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="215"/>
        <location filename="../../sopdesk/gui/settings_backup.py" line="303"/>
        <location filename="../../sopdesk/gui/settings_backup.py" line="321"/>
        <source>Pulihkan data</source>
        <translation>Restore data</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="216"/>
        <source>Semua data sekarang diganti dengan isi cadangan {0}. Data sekarang disimpan dulu di folder cadangan. sopdesk akan ditutup sesudahnya. Lanjutkan?</source>
        <translation>All current data will be replaced by the contents of backup {0}. The current data is first kept in the backup folder. sopdesk closes afterwards. Continue?</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="231"/>
        <source>Menghentikan pemeriksaan awal data agar cadangan dapat dipulihkan…</source>
        <translation>Stopping the start-up data check so that the backup can be restored…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="237"/>
        <source>Memeriksa cadangan {0}…</source>
        <translation>Checking backup {0}…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="261"/>
        <source>Memeriksa cadangan: rantai log audit…</source>
        <translation>Checking the backup: the audit log chain…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="262"/>
        <source>Memeriksa cadangan: catatan dibandingkan dengan segel di log audit…</source>
        <translation>Checking the backup: records compared with the seals in the audit log…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="263"/>
        <source>Menyimpan data sekarang di folder cadangan…</source>
        <translation>Saving the current data in the backup folder…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="264"/>
        <source>Memulihkan data dari cadangan…</source>
        <translation>Restoring the data from the backup…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="288"/>
        <source>Cadangan kantor lain</source>
        <translation>Another office&apos;s backup</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="290"/>
        <source>Cadangan ini milik kantor lain: {0}.
Semua data kantor {1} akan diganti dengan data kantor itu.
Ketik nama kantor cadangan untuk tetap memulihkan:</source>
        <translation>This backup belongs to another office: {0}.
All data of {1} will be replaced with that office&apos;s data.
Type the backup&apos;s office name to restore anyway:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="302"/>
        <source>Peringatan: {0}</source>
        <translation>Warning: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="304"/>
        <source>Data dipulihkan dari {0}. Data sebelumnya disimpan di {1}. Buka sopdesk kembali.</source>
        <translation>Data restored from {0}. The previous data is kept in {1}. Open sopdesk again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="322"/>
        <source>Nama kantor yang diketik ({1}) tidak sama dengan nama kantor cadangan ini: {0}. Pemulihan tidak dilakukan; tidak ada yang diubah.</source>
        <translation>The office name you typed ({1}) does not match the office of this backup: {0}. The restore was not done; nothing was changed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="331"/>
        <source>Sedang memeriksa data…</source>
        <translation>Checking data…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="337"/>
        <source>Pemeriksaan selesai: data utuh, rantai audit dan lampiran cocok.</source>
        <translation>Check finished: the data is intact; the audit chain and attachments match.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="340"/>
        <source>Pemeriksaan menemukan {0} masalah:
{1}</source>
        <translation>The check found {0} problem(s):
{1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="357"/>
        <source>Sedang memeriksa data… {0}%</source>
        <translation>Checking the data… {0}%</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="366"/>
        <source>Temuan pemeriksaan sudah dilihat dan dicatat di log audit; tindakan diizinkan lagi. Pulihkan dari cadangan yang utuh bila data telah diubah.</source>
        <translation>The findings were seen and recorded in the audit log; actions are allowed again. Restore from an intact backup if the data was changed.</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="52"/>
        <source>Kasus dimulai</source>
        <translation>Case started</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="53"/>
        <source>SOP ditambahkan ke katalog kantor</source>
        <translation>SOP added to the office catalog</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="54"/>
        <source>SOP dinonaktifkan</source>
        <translation>SOP switched off</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="55"/>
        <source>SOP diaktifkan kembali</source>
        <translation>SOP switched on again</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="56"/>
        <source>Kegiatan selesai</source>
        <translation>Step completed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="57"/>
        <source>Kegiatan bersama disetujui, diteruskan ke pelaksana berikutnya</source>
        <translation>Joint step approved, passed to the next performer</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="58"/>
        <source>Tenggat diperpanjang</source>
        <translation>Deadline extended</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="59"/>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="60"/>
        <source>Kasus dibatalkan</source>
        <translation>Case cancelled</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="61"/>
        <source>Diambil</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="62"/>
        <source>Dilepas</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="63"/>
        <source>Dialihkan</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="64"/>
        <source>Draf disimpan</source>
        <translation>Draft saved</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="65"/>
        <source>Tamu dicatat</source>
        <translation>Visitor registered</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="66"/>
        <source>Surat masuk dicatat</source>
        <translation>Incoming letter registered</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="67"/>
        <source>Surat masuk dikoreksi</source>
        <translation>Incoming letter corrected</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="68"/>
        <source>Surat masuk dibatalkan</source>
        <translation>Incoming letter voided</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="69"/>
        <source>Surat keluar dicatat</source>
        <translation>Outgoing letter registered</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="70"/>
        <source>Surat keluar dikoreksi</source>
        <translation>Outgoing letter corrected</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="71"/>
        <source>Surat keluar dibatalkan</source>
        <translation>Outgoing letter voided</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="72"/>
        <source>Disposisi dicatat</source>
        <translation>Disposition recorded</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="73"/>
        <source>Dicatat di buku ekspedisi</source>
        <translation>Entered in the dispatch book</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="74"/>
        <source>Tanda terima ekspedisi dicatat</source>
        <translation>Dispatch receipt recorded</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="75"/>
        <source>Entri buku ekspedisi dikoreksi</source>
        <translation>Dispatch book entry corrected</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="76"/>
        <source>Entri buku ekspedisi dibatalkan</source>
        <translation>Dispatch book entry voided</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="77"/>
        <source>Pengaturan nomor surat diubah</source>
        <translation>Letter numbering settings changed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="78"/>
        <source>Buku tamu dicetak</source>
        <translation>Visitor book printed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="79"/>
        <source>Tanda bukti permohonan dicetak</source>
        <translation>Request receipt printed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="80"/>
        <source>Kantor disiapkan</source>
        <translation>Office set up</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="81"/>
        <source>Profil kantor diubah</source>
        <translation>Office profile changed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="82"/>
        <source>Hari libur kantor ditambahkan</source>
        <translation>Office holiday added</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="83"/>
        <source>Pengguna ditambahkan</source>
        <translation>User added</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="84"/>
        <source>Pengguna diaktifkan</source>
        <translation>User activated</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="85"/>
        <source>Pengguna dinonaktifkan</source>
        <translation>User deactivated</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="86"/>
        <source>Peran pengguna diubah</source>
        <translation>User roles changed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="87"/>
        <source>Kata sandi diatur ulang</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="88"/>
        <source>Masuk</source>
        <translation>Signed in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="89"/>
        <source>Gagal masuk</source>
        <translation>Sign-in failed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="90"/>
        <source>Cadangan dibuat</source>
        <translation>Backup made</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="91"/>
        <source>Cadangan dipulihkan</source>
        <translation>Backup restored</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="92"/>
        <source>Pengaturan cadangan diubah</source>
        <translation>Backup settings changed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="93"/>
        <source>Data contoh dibuat</source>
        <translation>Demo data created</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="94"/>
        <source>Temuan pemeriksaan keutuhan dilihat administrator</source>
        <translation>Integrity check findings seen by an administrator</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="95"/>
        <source>Catatan yang ada disegel ke log audit</source>
        <translation>Existing records sealed into the audit log</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="283"/>
        <source>Kasus {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="290"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="290"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="290"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="291"/>
        <location filename="../../sopdesk/gui/cases_page.py" line="296"/>
        <source>Kegiatan</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="291"/>
        <source>Keterangan</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="296"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="296"/>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="297"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="297"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="302"/>
        <source>Buka formulir kegiatan</source>
        <translation>Open step form</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="304"/>
        <source>Cetak lembar kendali…</source>
        <translation>Print control sheet…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="306"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="334"/>
        <source>SOP {0} revisi {1}: {2}</source>
        <translation>SOP {0} revision {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="335"/>
        <source>Status: {0} · dimulai {1} oleh {2}</source>
        <translation>Status: {0} · started {1} by {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="338"/>
        <source>Pemohon: {0}</source>
        <translation>Requester: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="344"/>
        <source>tanpa batas</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="345"/>
        <source>Menunggu kegiatan {0} ({1}), batas waktu {2}</source>
        <translation>Waiting at step {0} ({1}), due {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="348"/>
        <source>Alasan pembatalan: {0}</source>
        <translation>Reason for cancellation: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="353"/>
        <source>terpenuhi {0}</source>
        <translation>met {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="355"/>
        <source>paling lambat {0}</source>
        <translation>no later than {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="357"/>
        <source>tidak sebelum {0}</source>
        <translation>not before {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="359"/>
        <source>belum berjalan</source>
        <translation>not started yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="361"/>
        <source> (diperpanjang {0} kali)</source>
        <translation> (extended {0} times)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="362"/>
        <source>Tenggat: {0} — {1}</source>
        <translation>Deadline: {0} — {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="379"/>
        <source>pilihan: {0}</source>
        <translation>choice: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="381"/>
        <source>ke kegiatan {0}: {1}</source>
        <translation>to step {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="383"/>
        <source>kepada {0}</source>
        <translation>to {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="385"/>
        <source>atas nama {0}</source>
        <translation>on behalf of {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="387"/>
        <source>sebelum masa tunggu berakhir: {0}</source>
        <translation>before the waiting period ends: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="398"/>
        <source>Riwayat</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="412"/>
        <location filename="../../sopdesk/gui/cases_page.py" line="414"/>
        <source>Dokumen ({0})</source>
        <translation>Documents ({0})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="422"/>
        <source>Diagram alir</source>
        <translation>Flowchart</translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="45"/>
        <source>berjalan</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="46"/>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="47"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="114"/>
        <source>Nomor kasus</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="115"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="116"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="117"/>
        <source>Pemohon</source>
        <translation>Requester</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="118"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="119"/>
        <source>Posisi sekarang</source>
        <translation>Current position</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="120"/>
        <source>Dimulai</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="146"/>
        <source>{0}
Pemohon: {1}
Dimulai: {2}</source>
        <translation>{0}
Requester: {1}
Started: {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="152"/>
        <source>kegiatan {0} ({1})</source>
        <translation>step {0} ({1})</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="169"/>
        <source>Cari nomor kasus, perihal atau pemohon…</source>
        <translation>Search case number, subject or requester…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="172"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="176"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="208"/>
        <source>Lihat kasus</source>
        <translation>View case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="247"/>
        <source>Lebih dari {0} kasus</source>
        <translation>More than {0} cases</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="249"/>
        <source>{0} kasus</source>
        <translation>{0} case(s)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="252"/>
        <source>0 kasus: tidak ada kasus yang cocok dengan “{0}”</source>
        <translation>0 cases: no case matches “{0}”</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="253"/>
        <source>0 kasus: tidak ada kasus yang cocok dengan saringan ini</source>
        <translation>0 cases: no case matches these filters</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="255"/>
        <source>Belum ada kasus. Kasus dimulai dari Meja Layanan, dari surat masuk, atau dari Katalog SOP (Mulai kasus…).</source>
        <translation>No cases yet. Cases start at the Help Desk, from an incoming letter, or from the SOP Catalog (Start case…).</translation>
    </message>
</context>
<context>
    <name>CatalogBanner</name>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="73"/>
        <source>Berkas katalog yang tidak dipakai, di folder {0} (perbaiki lalu buka ulang sopdesk):</source>
        <translation>Catalog files left out, in the folder {0} (fix them, then open sopdesk again):</translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="85"/>
        <source>Cari kode atau nama…</source>
        <translation>Search code or name…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="297"/>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="172"/>
        <source>Perbesar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="147"/>
        <source>&amp;Cetak SOP…</source>
        <translation>&amp;Print SOP…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="148"/>
        <source>Cetak SOP ini: identitas dan diagram alir (Ctrl+P)</source>
        <translation>Print this SOP: identity and flowchart (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="151"/>
        <source>Laporan &amp;kinerja…</source>
        <translation>Performance &amp;report…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="154"/>
        <source>&amp;Mulai kasus…</source>
        <translation>Start &amp;case…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="173"/>
        <source>Perkecil</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="174"/>
        <source>Sesuaikan lebar</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="184"/>
        <source>Klik sebuah kegiatan untuk rinciannya · Ctrl+roda tetikus untuk memperbesar</source>
        <translation>Click a step for its details · Ctrl+mouse wheel to zoom</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="284"/>
        <source>Unit dan uraian tugas</source>
        <translation>Unit and duties</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="284"/>
        <source>Peran penerima disposisi</source>
        <translation>Role receiving disposisi</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="285"/>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="29"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="21"/>
        <source>Kegiatan {no}</source>
        <translation>Step {no}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="22"/>
        <source>peran</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="23"/>
        <source>Pelaksana</source>
        <translation>Pelaksana (performer)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="24"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="25"/>
        <source>Menunggu</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="26"/>
        <source>Kelengkapan</source>
        <translation>Kelengkapan (required inputs)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="27"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="28"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="30"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="31"/>
        <source>selesai</source>
        <translation>end</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="32"/>
        <source>Rute</source>
        <translation>Route</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="105"/>
        <source>&amp;Tambah SOP…</source>
        <translation>&amp;Add SOP…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="108"/>
        <location filename="../../sopdesk/gui/catalog_page.py" line="407"/>
        <source>Nonaktifkan</source>
        <translation>Switch off</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="163"/>
        <source>&amp;Identitas</source>
        <translation>&amp;Identity</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="196"/>
        <source>&amp;Diagram alir</source>
        <translation>Flow&amp;chart</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="246"/>
        <source>Sembunyikan daftar</source>
        <translation>Hide list</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="246"/>
        <source>Tampilkan daftar</source>
        <translation>Show list</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="250"/>
        <source>Sembunyikan daftar SOP agar diagram mendapat seluruh lebar (Ctrl+L)</source>
        <translation>Hide the SOP list so that the flowchart gets the whole width (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="251"/>
        <source>Tampilkan lagi daftar SOP dan direktori organisasi (Ctrl+L)</source>
        <translation>Show the SOP list and the organisation directory again (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="265"/>
        <source>Laporan kinerja {0}</source>
        <translation>Performance report {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="294"/>
        <source>Struktur organisasi</source>
        <translation>Organization structure</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="310"/>
        <source>Prosedur (SOP)</source>
        <translation>Procedures (SOP)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="311"/>
        <source>Direktori organisasi</source>
        <translation>Organization directory</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="324"/>
        <source> (nonaktif)</source>
        <translation> (switched off)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="396"/>
        <source>{0} ({1} dari {2})</source>
        <translation>{0} ({1} of {2})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="407"/>
        <source>Aktifkan</source>
        <translation>Switch on</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="444"/>
        <source>Pilih sebuah SOP di daftar sebelah kiri untuk melihat identitasnya dan diagram alirnya, atau direktori organisasi untuk melihat divisi dan unit beserta tugasnya.</source>
        <translation>Choose an SOP in the list on the left to see its identity and its flowchart, or the organization directory to see the divisions and units with their duties.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="447"/>
        <source>Katalog belum berisi SOP. Administrator menambahkannya dengan Tambah SOP… (contoh berkas beserta petunjuknya: contoh-sop-kantor.yaml di folder program), atau menaruh berkas SOP di folder {folder} lalu membuka ulang sopdesk.</source>
        <translation>The catalog holds no SOP yet. An administrator adds one with Add SOP… (an example file with instructions: contoh-sop-kantor.yaml in the program folder), or puts SOP files in the folder {folder} and opens sopdesk again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="463"/>
        <source>Klik sebuah kegiatan pada diagram untuk melihat rinciannya: pelaksana, mutu baku, keterangan dan rutenya.</source>
        <translation>Click a step in the diagram to see its details: pelaksana (performer), mutu baku (standards), remarks and route.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="64"/>
        <source>Nomor SOP</source>
        <translation>SOP number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="65"/>
        <source>Tanggal Pembuatan</source>
        <translation>Date drawn up</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="66"/>
        <source>Tanggal Revisi</source>
        <translation>Revision date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="67"/>
        <source>Tanggal Efektif</source>
        <translation>Effective date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="68"/>
        <source>Tanggal Pengesahan</source>
        <translation>Approval date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="69"/>
        <source>Disahkan oleh</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="70"/>
        <source>Nama SOP</source>
        <translation>SOP name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="71"/>
        <source>Instansi</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="72"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="75"/>
        <source>Ditetapkan dengan keputusan</source>
        <translation>Established by decree</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="77"/>
        <source>Revisi katalog</source>
        <translation>Catalog revision</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="80"/>
        <source>Dasar Hukum</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="81"/>
        <source>Kualifikasi Pelaksana</source>
        <translation>Staff qualification</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="82"/>
        <source>Keterkaitan</source>
        <translation>Related SOPs</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="83"/>
        <source>Peralatan/Perlengkapan</source>
        <translation>Equipment/Supplies</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="84"/>
        <source>Peringatan</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="85"/>
        <source>Pencatatan dan Pendataan</source>
        <translation>Record keeping</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="102"/>
        <source>lalu {lane} (peran: {role})</source>
        <translation>then {lane} (role: {role})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="105"/>
        <source>Pihak di luar kantor: dicatat atas namanya.</source>
        <translation>A party outside the office: recorded on its behalf.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="108"/>
        <source>Pelaksana disimpulkan: {alasan}</source>
        <translation>Pelaksana (performer) inferred: {alasan}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="111"/>
        <source>Pelaksana tercantum pada SOP.</source>
        <translation>The pelaksana (performer) is stated in the SOP.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_texts.py" line="132"/>
        <source>ke kegiatan {no} ({pelaksana})</source>
        <translation>to step {no} ({pelaksana})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_org.py" line="64"/>
        <source>Divisi Anggota KPU ({n})</source>
        <translation>KPU member divisions ({n})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_org.py" line="70"/>
        <source>Sekretariat ({n} unit)</source>
        <translation>Secretariat ({n} units)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_org.py" line="77"/>
        <source>Direktori ini belum berisi divisi maupun unit.</source>
        <translation>This directory has no divisions or units yet.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_org.py" line="103"/>
        <source>(uraian tugas tidak dicantumkan)</source>
        <translation>(duties not listed)</translation>
    </message>
</context>
<context>
    <name>CatalogSwitch</name>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="240"/>
        <source>Nonaktifkan SOP {0}</source>
        <translation>Switch off SOP {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="241"/>
        <source>Kasus baru tidak dapat dimulai; kasus yang berjalan tetap dapat diselesaikan.
Alasan (dicatat di log audit):</source>
        <translation>No new cases can start; running cases can still be finished.
Reason (kept in the audit log):</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="244"/>
        <source>Nonaktifkan</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_admin.py" line="245"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="130"/>
        <source>Koreksi {0}</source>
        <translation>Correct {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="135"/>
        <source>&amp;Pengirim</source>
        <translation>&amp;Sender</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="136"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="148"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="154"/>
        <source>Peri&amp;hal</source>
        <translation>Su&amp;bject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="137"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="149"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="153"/>
        <source>&amp;Nomor surat</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="143"/>
        <source>&amp;Sifat</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="145"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="151"/>
        <source>&amp;Kode klasifikasi</source>
        <translation>&amp;Classification code</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="147"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="155"/>
        <source>T&amp;ujuan</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="156"/>
        <source>Nama &amp;penerima</source>
        <translation>Reci&amp;pient</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="157"/>
        <source>&amp;Ditandatangani oleh</source>
        <translation>Si&amp;gned by</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="160"/>
        <source>dicatat bersama tanda terima</source>
        <translation>recorded with the receipt</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="161"/>
        <source>mengapa baris ini dikoreksi</source>
        <translation>why this line is corrected</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="162"/>
        <source>&amp;Alasan koreksi *</source>
        <translation>&amp;Reason for the correction *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="163"/>
        <source>Nilai lama dan baru serta alasannya dicatat di log audit.</source>
        <translation>The old and new values and the reason are recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="168"/>
        <source>Simpan koreksi</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="168"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="188"/>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="197"/>
        <source>&amp;Tanggal surat</source>
        <translation>Letter &amp;date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="190"/>
        <source>ada</source>
        <translation>known</translation>
    </message>
</context>
<context>
    <name>DispositionDialog</name>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="48"/>
        <source>Disposisi surat {0}</source>
        <translation>Disposition of letter {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="52"/>
        <source>{0} dari {1}</source>
        <translation>{0} from {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="66"/>
        <source>Anggota KPU / Divisi</source>
        <translation>Commissioners / divisions</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="67"/>
        <source>Sekretariat</source>
        <translation>Secretariat</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="76"/>
        <source>Dikerjakan oleh peran {0}</source>
        <translation>Worked by the role {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="95"/>
        <source>mis. Mohon disiapkan data yang diminta dan dijawab sesuai SOP</source>
        <translation>e.g. Please prepare the requested data and reply as the SOP requires</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="97"/>
        <source>Teruskan kasus sesuai SOP bila kasus menunggu disposisi</source>
        <translation>Move the case on as the SOP says when it waits for a disposition</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="100"/>
        <source>Isian yang belum disimpan saat lembar ini ditutup dipulihkan.</source>
        <translation>What was typed but not saved when this sheet was closed has been restored.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="105"/>
        <source>&amp;Isi disposisi *</source>
        <translation>&amp;Disposition text *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="110"/>
        <source>Simpan disposisi</source>
        <translation>Save disposition</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="110"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="40"/>
        <source>Disposisi kasus {0}</source>
        <translation>Disposition of case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="45"/>
        <source>Surat {0} dari {1}</source>
        <translation>Letter {0} from {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="63"/>
        <source>&amp;Diteruskan kepada</source>
        <translation>&amp;Forwarded to</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="149"/>
        <source>Kasus {0}</source>
        <translation>Case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="151"/>
        <source>Kasus {0} tidak berjalan lagi</source>
        <translation>Case {0} is no longer running</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/disposition_dialog.py" line="152"/>
        <source>Kasus {0} menunggu di kegiatan {1} ({2})</source>
        <translation>Case {0} waits at step {1} ({2})</translation>
    </message>
</context>
<context>
    <name>Durasi</name>
    <message>
        <location filename="../../sopdesk/gui/i18n.py" line="59"/>
        <source>kurang dari 1 menit</source>
        <translation>less than 1 min</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/i18n.py" line="61"/>
        <source>{0} hari</source>
        <translation>{0} d</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/i18n.py" line="62"/>
        <source>{0} jam</source>
        <translation>{0} h</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/i18n.py" line="63"/>
        <source>{0} menit</source>
        <translation>{0} min</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/i18n.py" line="64"/>
        <source>terlambat {0}</source>
        <translation>overdue by {0}</translation>
    </message>
</context>
<context>
    <name>ExpeditionModel</name>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="216"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="217"/>
        <source>Dikirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="219"/>
        <source>Nomor surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="221"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="222"/>
        <source>Tujuan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="223"/>
        <source>Nama penerima</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="224"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="226"/>
        <source>Ditandatangani oleh</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="213"/>
        <source>belum diterima</source>
        <translation>not yet received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="206"/>
        <source>kasus {0}</source>
        <translation>case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="208"/>
        <source>Tujuan: {0}</source>
        <translation>Addressee: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="209"/>
        <source>Nama penerima: {0}</source>
        <translation>Recipient name: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="210"/>
        <source>Ditandatangani oleh: {0}</source>
        <translation>Signed by: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="230"/>
        <source>Pindaian tanda terima: {0}</source>
        <translation>Scan of the receipt: {0}</translation>
    </message>
</context>
<context>
    <name>ExtendDeadlineDialog</name>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="42"/>
        <source>Perpanjang tenggat — {number}</source>
        <translation>Extend the deadline — {number}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="44"/>
        <source>{name}: diperpanjang {waktu} sesuai SOP (paling banyak {times} kali).</source>
        <translation>{name}: extended by {waktu} as the SOP allows (at most {times} times).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="71"/>
        <source>Alasan *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="75"/>
        <source>Nomor {output}</source>
        <translation>Number of {output}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="81"/>
        <source>Perpanjang</source>
        <translation>Extend</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="82"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="95"/>
        <source>Tuliskan alasan perpanjangan.</source>
        <translation>Write the reason for the extension.</translation>
    </message>
</context>
<context>
    <name>FileSlot</name>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="32"/>
        <source>Lampirkan…</source>
        <translation>Attach…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="34"/>
        <source>Pilih berkas (pindaian) untuk: {what}</source>
        <translation>Choose a file (scan) for: {what}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="38"/>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="40"/>
        <source>Lepaskan berkas yang dilampirkan</source>
        <translation>Detach the attached file</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="78"/>
        <source> (terlampir)</source>
        <translation> (attached)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="83"/>
        <source>{name}: sudah dilampirkan pada kunjungan sebelumnya; tetap terlampir tanpa diunggah lagi</source>
        <translation>{name}: attached on an earlier visit to this step; it stays attached without uploading it again</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="86"/>
        <source>belum ada berkas</source>
        <translation>no file yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="95"/>
        <source>Pilih berkas untuk: {what}</source>
        <translation>Choose a file for: {what}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/file_slot.py" line="96"/>
        <source>Dokumen dan pindaian (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;Semua berkas (*)</source>
        <translation>Documents and scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;All files (*)</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../sopdesk/gui/guide.py" line="28"/>
        <source>Panduan Pengguna — sopdesk</source>
        <translation>User Guide — sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/guide.py" line="33"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>HelpDeskPage</name>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="21"/>
        <source>Permohonan informasi publik</source>
        <translation>Public information request</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="22"/>
        <source>Bertamu / bertemu pejabat</source>
        <translation>Visit / meet an official</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="23"/>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="24"/>
        <source>Konsultasi</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="25"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="27"/>
        <source>Melihat / membaca / mendengarkan / mencatat</source>
        <translation>View / read / listen / take notes</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="28"/>
        <source>Mendapatkan salinan informasi (hardcopy)</source>
        <translation>Get a copy of the information (hardcopy)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="29"/>
        <source>Mendapatkan salinan informasi (softcopy)</source>
        <translation>Get a copy of the information (softcopy)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="30"/>
        <source>Melihat / membaca / mencatat</source>
        <translation>View / read / take notes</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="31"/>
        <source>Hardcopy (salinan cetak)</source>
        <translation>Hardcopy (printed copy)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="32"/>
        <source>Softcopy (salinan elektronik)</source>
        <translation>Softcopy (electronic copy)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="34"/>
        <source>Mengambil langsung</source>
        <translation>Collect in person</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="35"/>
        <source>Kurir</source>
        <translation>Courier</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="36"/>
        <source>Pos</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="37"/>
        <source>Faksimili</source>
        <translation>Fax</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_fields.py" line="38"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="114"/>
        <source>Pendaftaran tamu / pemohon informasi</source>
        <translation>Registration of visitors / information requesters</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="141"/>
        <source>&amp;Nama *</source>
        <translation>&amp;Name *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="142"/>
        <source>Nama lengkap sesuai identitas</source>
        <translation>Full name as on the ID</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="144"/>
        <source>Nomor &amp;identitas (NIK)</source>
        <translation>&amp;ID number (NIK)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="145"/>
        <source>NIK 16 angka, atau no. paspor</source>
        <translation>NIK of 16 digits, or passport no.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="146"/>
        <source>Ins&amp;tansi/Lembaga</source>
        <translation>Ins&amp;titution/Organization</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="147"/>
        <source>&amp;Pekerjaan</source>
        <translation>&amp;Occupation</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="148"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="149"/>
        <source>Telepon/&amp;HP</source>
        <translation>&amp;Phone/Mobile</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="150"/>
        <source>contoh: 0812 3456 7890</source>
        <translation>example: 0812 3456 7890</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="151"/>
        <source>&amp;E-mail</source>
        <translation>&amp;E-mail</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="152"/>
        <source>contoh: nama@contoh.id</source>
        <translation>example: name@example.id</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="154"/>
        <source>&amp;Keperluan *</source>
        <translation>P&amp;urpose *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="155"/>
        <source>Pilih keperluan…</source>
        <translation>Choose a purpose…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="156"/>
        <source>&amp;Uraian keperluan</source>
        <translation>Purpose &amp;details</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="163"/>
        <source>&amp;Rincian informasi yang dibutuhkan *</source>
        <translation>Information &amp;requested *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="165"/>
        <source>&amp;Diarahkan kepada</source>
        <translation>Directed to (&amp;whom)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="168"/>
        <source>Pemohon diarahkan kepada Ketua, Sekretaris atau divisi yang dituju (kegiatan 2 SOP Pelayanan Publik, dicatat selesai bersama registrasi)</source>
        <translation>The requester is directed to the Ketua, the Sekretaris or the division concerned (step 2 of the Pelayanan Publik SOP, recorded as done together with the registration)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="172"/>
        <source>Tu&amp;juan penggunaan informasi</source>
        <translation>Intended use of the in&amp;formation</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="173"/>
        <source>Cara &amp;memperoleh informasi</source>
        <translation>&amp;How to obtain the information</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="122"/>
        <source>* wajib diisi. Enter menyimpan (Ctrl+Enter di kolom uraian); saat mengetik nama, NIK atau telepon, tamu lama ditawarkan: ↓&#xa0;memilih, Enter mengisi, Esc menutup.</source>
        <translation>* required. Enter saves (Ctrl+Enter in the description field); while a name, NIK or phone number is typed, returning visitors are offered: ↓&#xa0;chooses, Enter fills in, Esc closes.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="158"/>
        <source>Cetak tanda bukti… (Ctrl+P)</source>
        <translation>Print request receipt… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="160"/>
        <source>Tanda bukti permohonan untuk tamu yang dipilih di daftar (Ctrl+P)</source>
        <translation>Request receipt for the visitor selected in the list (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="162"/>
        <source>— belum dipilih —</source>
        <translation>— not chosen —</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="175"/>
        <source>Cara mendapatkan &amp;salinan</source>
        <translation>How to receive a &amp;copy</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="180"/>
        <source>Simpan (Enter)</source>
        <translation>Save (Enter)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="183"/>
        <source>K&amp;osongkan formulir</source>
        <translation>C&amp;lear form</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="92"/>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="99"/>
        <source>Rentan&amp;g:</source>
        <translation>Ran&amp;ge:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="102"/>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="102"/>
        <source>7 hari terakhir</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="103"/>
        <source>30 hari terakhir</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="103"/>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="294"/>
        <source>Tamu belum tercatat.</source>
        <translation>The visitor has not been registered.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="295"/>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="332"/>
        <source>Tamu tidak dapat dicatat</source>
        <translation>The visitor cannot be registered</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="301"/>
        <source>Tamu {name} tercatat; kasus {case} dimulai</source>
        <translation>Visitor {name} registered; case {case} started</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="305"/>
        <source>, diteruskan ke kegiatan {step} ({role})</source>
        <translation>, passed on to step {step} ({role})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="308"/>
        <source>Tamu {name} tercatat</source>
        <translation>Visitor {name} registered</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="339"/>
        <source>Pilih salah satu dari daftar (ketik huruf awalnya atau tekan ↓).</source>
        <translation>Choose one from the list (type its first letter or press ↓).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="342"/>
        <source>Tamu belum tercatat: perbaiki isian yang ditandai merah.</source>
        <translation>The visitor has not been registered: correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/lookup.py" line="101"/>
        <source>NIK {number}</source>
        <translation>NIK {number}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/registration_form.py" line="253"/>
        <source>Data tamu lama diisikan: periksa, lalu pilih keperluan.</source>
        <translation>Returning visitor&apos;s details filled in: check them, then choose the purpose.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="96"/>
        <source>nama, instansi, NIK, telp., no. kasus</source>
        <translation>name, institution, NIK, phone, case no.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="164"/>
        <source>Cetak &amp;buku tamu…</source>
        <translation>Print visitor &amp;book…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="207"/>
        <source>Tamu hari ini</source>
        <translation>Today&apos;s visitors</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="207"/>
        <source>Tamu 7 hari terakhir</source>
        <translation>Visitors, last 7 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="208"/>
        <source>Tamu 30 hari terakhir</source>
        <translation>Visitors, last 30 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="208"/>
        <source>Semua tamu</source>
        <translation>All visitors</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="215"/>
        <source>Tidak ada tamu yang cocok dengan “{text}”</source>
        <translation>No visitors match “{text}”</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="217"/>
        <source>Belum ada tamu hari ini</source>
        <translation>No visitors today yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="218"/>
        <source>Belum ada tamu dalam 7 hari terakhir</source>
        <translation>No visitors in the last 7 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="219"/>
        <source>Belum ada tamu dalam 30 hari terakhir</source>
        <translation>No visitors in the last 30 days</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="220"/>
        <source>Belum ada tamu tercatat</source>
        <translation>No visitors registered yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="223"/>
        <source>Menampilkan {limit} tamu terbaru; persempit dengan pencarian.</source>
        <translation>Showing the {limit} most recent visitors; narrow the list with a search.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="336"/>
        <source>Pilih dulu seorang tamu di daftar.</source>
        <translation>Select a visitor in the list first.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="338"/>
        <source>Menyiapkan tanda bukti…</source>
        <translation>Preparing the request receipt…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="345"/>
        <source>Tanda bukti tidak dapat dibuat.</source>
        <translation>The request receipt could not be made.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="353"/>
        <source>Tanda bukti dibuka di pratinjau cetak; simpan sebagai PDF atau cetak dari sana.</source>
        <translation>The request receipt is open in the print preview; save it as a PDF or print it from there.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="365"/>
        <source>Pratinjau tanda bukti ditutup; tanda bukti belum dicetak atau disimpan (Ctrl+P untuk membukanya lagi).</source>
        <translation>Receipt preview closed; the receipt was neither printed nor saved (Ctrl+P opens it again).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="371"/>
        <source>Tanda bukti disimpan sebagai PDF di {path}</source>
        <translation>Request receipt saved as a PDF in {path}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="376"/>
        <source>Tanda bukti dikirim ke printer ({sheets} lembar)</source>
        <translation>Request receipt sent to the printer ({sheets} sheet(s))</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_list.py" line="383"/>
        <source>Buku tamu</source>
        <translation>Visitor book</translation>
    </message>
</context>
<context>
    <name>HolidayBox</name>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="43"/>
        <source>Hari libur</source>
        <translation>Holidays</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="47"/>
        <source>Libur nasional dan cuti bersama sudah diketahui sopdesk. Tambahkan hari libur khusus kantor ini (mis. hari jadi kabupaten): tenggat dalam hari kerja melewatinya.</source>
        <translation>National holidays and collective leave days are already known to sopdesk. Add this office&apos;s own days off (e.g. the regency&apos;s anniversary): deadlines in working days skip them.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="51"/>
        <source>Libur nasional, cuti bersama dan hari libur kantor (dicatat oleh administrator): tenggat dalam hari kerja melewatinya.</source>
        <translation>National holidays, collective leave and office holidays (recorded by the administrator): deadlines in working days skip them.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="60"/>
        <source>&amp;Tahun</source>
        <translation>&amp;Year</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="68"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="68"/>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="68"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="100"/>
        <source>keterangan, mis. HUT Kabupaten Kupang</source>
        <translation>description, e.g. Kupang Regency anniversary</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="102"/>
        <source>Tambah hari libur kantor</source>
        <translation>Add office holiday</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="107"/>
        <source>Ta&amp;nggal</source>
        <translation>Da&amp;te</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="123"/>
        <source>libur kantor</source>
        <translation>office holiday</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="123"/>
        <source>nasional / cuti bersama</source>
        <translation>national / collective leave</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="133"/>
        <source>Tulis keterangan hari libur, mis. HUT Kabupaten Kupang.</source>
        <translation>Write a description of the holiday, e.g. Kupang Regency anniversary.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_holidays.py" line="152"/>
        <source>{0} dicatat sebagai hari libur kantor.</source>
        <translation>{0} recorded as an office holiday.</translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="41"/>
        <source>Nomor kasus</source>
        <translation>Case number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="42"/>
        <source>SOP</source>
        <translation>SOP</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="43"/>
        <source>Kegiatan</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="44"/>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="45"/>
        <source>Batas waktu</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="46"/>
        <source>Sisa waktu</source>
        <translation>Time left</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="48"/>
        <source>Petugas</source>
        <translation>Assignee</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="49"/>
        <source>Perihal / pemohon</source>
        <translation>Subject / requester</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="105"/>
        <source>tanpa batas</source>
        <translation>no deadline</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="106"/>
        <source>{0} (kasus)</source>
        <translation>{0} (case)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="111"/>
        <source>tanpa standar waktu</source>
        <translation>no standard time</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="114"/>
        <source>sisa {0}</source>
        <translation>{0} left</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="119"/>
        <source>Batas waktu: {0}
Sejak: {1}
Petugas: {2}</source>
        <translation>Due: {0}
Since: {1}
Assignee: {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="129"/>
        <source>Dikembalikan oleh {0} dari kegiatan {1}, {2}</source>
        <translation>Returned by {0} from step {1}, {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="131"/>
        <source>Alasan: {0}</source>
        <translation>Reason: {0}</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="53"/>
        <source>Semua SOP</source>
        <translation>All SOPs</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="59"/>
        <source>Hanya milik saya</source>
        <translation>Mine only</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="60"/>
        <source>Hanya yang terlambat</source>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="62"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="63"/>
        <source>Belum diambil</source>
        <translation>Not claimed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="64"/>
        <source>Sedang dikerjakan</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="68"/>
        <source>Cari nomor kasus, perihal atau pemohon…</source>
        <translation>Search case number, subject or requester…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="115"/>
        <source>Buka formulir (Enter)</source>
        <translation>Open form (Enter)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="116"/>
        <source>&amp;Ambil</source>
        <translation>&amp;Claim</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="117"/>
        <source>&amp;Lepas</source>
        <translation>&amp;Release</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="118"/>
        <source>Al&amp;ihkan…</source>
        <translation>&amp;Assign…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="122"/>
        <source>{0} diambil oleh {1}</source>
        <translation>{0} taken by {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="124"/>
        <source>{0} dilepas; kini dapat diambil pengguna lain berperan {2}</source>
        <translation>{0} released; other users with the role {2} can now take it</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="195"/>
        <source>{0} pekerjaan ditampilkan dari {1} untuk peran {2} · {3} terlambat</source>
        <translation>{0} of {1} work items shown for role {2} · {3} overdue</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="201"/>
        <source>Tidak ada pekerjaan yang cocok dengan saringan ini.</source>
        <translation>No work items match this filter.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="202"/>
        <source>Tidak ada pekerjaan yang menunggu untuk peran {0}. Pekerjaan baru muncul di sini ketika sebuah kasus sampai pada kegiatan peran ini.</source>
        <translation>Nothing is waiting for role {0}. New work appears here when a case reaches a step of this role.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="246"/>
        <source>Belum ada pengguna aktif dengan peran {0}.</source>
        <translation>There is no active user with role {0} yet.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="249"/>
        <source>Alihkan kegiatan</source>
        <translation>Assign step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="250"/>
        <source>Alihkan {0} kepada:</source>
        <translation>Assign {0} to:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="252"/>
        <source>{0} dialihkan kepada {1}</source>
        <translation>{0} reassigned to {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/outcome.py" line="25"/>
        <source>Kegiatan {0} {1} disetujui; menunggu {2}</source>
        <translation>Step {0} of {1} approved; waiting for {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/outcome.py" line="28"/>
        <source>Kegiatan {0} {1} selesai; kasus ditutup</source>
        <translation>Step {0} of {1} done; the case is closed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/outcome.py" line="30"/>
        <source>Kegiatan {0} {1} selesai; lanjut ke {2} ({3})</source>
        <translation>Step {0} of {1} done; next: step {2} ({3})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/outcome.py" line="33"/>
        <source>Disposisi nomor {0} dicatat; {1}</source>
        <translation>Disposition number {0} recorded; {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/outcome.py" line="39"/>
        <source>Kasus {0} dikembalikan ke kegiatan {1}</source>
        <translation>Case {0} returned to step {1}</translation>
    </message>
</context>
<context>
    <name>IncomingDialog</name>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="41"/>
        <source>Catat surat masuk</source>
        <translation>Register incoming letter</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="44"/>
        <source>mis. Pimpinan DPRD Kota Kupang</source>
        <translation>e.g. Pimpinan DPRD Kota Kupang</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="46"/>
        <source>mis. 170/DPRD/III/2026</source>
        <translation>e.g. 170/DPRD/III/2026</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="47"/>
        <source>ada</source>
        <translation>known</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="58"/>
        <source>mis. PP.01</source>
        <translation>e.g. PP.01</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="66"/>
        <source>nomor kasus yang sudah ada, mis. PP/2026/0001</source>
        <translation>number of an existing case, e.g. PP/2026/0001</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="68"/>
        <source>pindaian surat masuk</source>
        <translation>scan of the incoming letter</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="75"/>
        <source>&amp;Pengirim *</source>
        <translation>&amp;Sender *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="76"/>
        <source>P&amp;erihal *</source>
        <translation>Su&amp;bject *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="77"/>
        <source>&amp;Nomor surat</source>
        <translation>&amp;Number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="80"/>
        <source>&amp;Tanggal surat</source>
        <translation>Letter &amp;date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="87"/>
        <source>Masuk ke kas&amp;us</source>
        <translation>Add to &amp;case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="83"/>
        <source>&amp;Diterima ({0})</source>
        <translation>&amp;Received ({0})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="84"/>
        <source>&amp;Kode klasifikasi</source>
        <translation>&amp;Classification code</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="85"/>
        <source>&amp;Sifat</source>
        <translation>&amp;Priority</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="86"/>
        <source>&amp;Memulai kasus</source>
        <translation>S&amp;tarts a case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="88"/>
        <source>Pindaian surat</source>
        <translation>Scan of the letter</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="89"/>
        <source>Permohonan informasi memulai kasus Pelayanan Publik: pencatatan oleh Help Desk sekaligus menyelesaikan kegiatan penerimaan surat, lalu kasus menunggu disposisi pimpinan; usulan PAW memulai kasus PAW (tenggat jawabannya dihitung dari waktu diterima).</source>
        <translation>An information request starts a Public Service case: registering it at the Help Desk also completes the step of receiving the letter, then the case waits for the leadership&apos;s disposition; a PAW proposal starts a PAW case (its reply deadline counts from the time received).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="95"/>
        <source>Isian yang belum disimpan saat formulir ini ditutup dipulihkan.</source>
        <translation>What was typed but not saved when this form was closed has been restored.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="100"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/incoming_dialog.py" line="100"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IncomingModel</name>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="94"/>
        <source>Nomor surat: {0}</source>
        <translation>Letter number: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="95"/>
        <source>Kasus: {0}</source>
        <translation>Case: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="101"/>
        <source>Nomor agenda</source>
        <translation>Agenda number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="102"/>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="103"/>
        <source>Nomor surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="104"/>
        <source>Pengirim</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="105"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="106"/>
        <source>Sifat</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="109"/>
        <source>Kasus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="110"/>
        <source>Disposisi</source>
        <translation>Dispositions</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="124"/>
        <source> (peran Anda)</source>
        <translation> (your role)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="126"/>
        <source>Disposisi {0} · {1} · {2}</source>
        <translation>Disposition {0} · {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="128"/>
        <source>Kepada: {0}</source>
        <translation>To: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="128"/>
        <source>Isi: {0}</source>
        <translation>Text: {0}</translation>
    </message>
</context>
<context>
    <name>Letters</name>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="38"/>
        <source>biasa</source>
        <translation>ordinary</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="39"/>
        <source>segera</source>
        <translation>urgent</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="40"/>
        <source>rahasia</source>
        <translation>confidential</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="42"/>
        <source>Tidak memulai kasus</source>
        <translation>Does not start a case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="79"/>
        <source>BATAL</source>
        <translation>VOID</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="79"/>
        <source>BATAL: {0}</source>
        <translation>VOID: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="83"/>
        <source>pengirim</source>
        <translation>sender</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="84"/>
        <source>tujuan</source>
        <translation>addressee</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="85"/>
        <source>perihal</source>
        <translation>subject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="86"/>
        <source>nomor surat</source>
        <translation>letter number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="87"/>
        <source>tanggal surat</source>
        <translation>letter date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="88"/>
        <source>sifat</source>
        <translation>priority</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="89"/>
        <source>kode klasifikasi</source>
        <translation>classification code</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="90"/>
        <source>nama penerima</source>
        <translation>recipient&apos;s name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="91"/>
        <source>ditandatangani oleh</source>
        <translation>signed by</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="189"/>
        <source>Simpan (Ctrl+Enter)</source>
        <translation>Save (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="219"/>
        <source>PDF disimpan di {0}</source>
        <translation>PDF saved to {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="223"/>
        <source>Dikirim ke printer ({0} lembar)</source>
        <translation>Sent to the printer ({0} sheets)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/common.py" line="227"/>
        <source>Pratinjau cetak ditutup; belum dicetak atau disimpan.</source>
        <translation>Print preview closed; not printed or saved.</translation>
    </message>
</context>
<context>
    <name>LettersPage</name>
    <message>
        <location filename="../../sopdesk/gui/letters/page.py" line="34"/>
        <source>Surat masuk</source>
        <translation>Incoming letters</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page.py" line="35"/>
        <source>Surat keluar</source>
        <translation>Outgoing letters</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page.py" line="36"/>
        <source>Buku ekspedisi</source>
        <translation>Dispatch book</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="27"/>
        <source>Semua tahun</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="40"/>
        <source>Hanya untuk peran {0} atau administrator</source>
        <translation>Only for the roles {0} or an administrator</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="47"/>
        <source>Ko&amp;reksi…</source>
        <translation>&amp;Correct…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="50"/>
        <source>Batalk&amp;an…</source>
        <translation>&amp;Void…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="72"/>
        <source>Cari nomor surat, pengirim atau perihal…</source>
        <translation>Search letter number, sender or subject…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="84"/>
        <source>&amp;Hanya yang belum didisposisi</source>
        <translation>Only &amp;not yet disposed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="88"/>
        <source>Hanya disposisi untuk peran &amp;saya</source>
        <translation>Only dispositions for &amp;my role</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="89"/>
        <source>Surat yang lembar disposisinya ditujukan kepada unit yang dikerjakan peran Anda</source>
        <translation>Letters whose disposition sheet is addressed to a unit your role works in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="105"/>
        <source>Catat surat &amp;masuk…</source>
        <translation>Register &amp;incoming letter…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="108"/>
        <source>&amp;Disposisi…</source>
        <translation>&amp;Disposition…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="110"/>
        <source>&amp;Cetak lembar disposisi</source>
        <translation>&amp;Print disposition sheet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="112"/>
        <source>Lembar disposisi surat yang dipilih (Ctrl+P)</source>
        <translation>Disposition sheet of the selected letter (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="121"/>
        <source>Cari nomor surat, tujuan atau perihal…</source>
        <translation>Search letter number, recipient or subject…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="127"/>
        <source>Catat surat &amp;keluar…</source>
        <translation>Register &amp;outgoing letter…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="139"/>
        <source>Hanya yang &amp;belum diterima</source>
        <translation>Only &amp;not yet received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="141"/>
        <source>Cari nomor surat, perihal, tujuan atau penanda tangan…</source>
        <translation>Search letter number, subject, recipient or signer…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="147"/>
        <source>Dikirim dari</source>
        <translation>Sent from</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="148"/>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="164"/>
        <source>&amp;Tandai diterima…</source>
        <translation>Mark &amp;received…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="168"/>
        <source>&amp;Cetak buku ekspedisi</source>
        <translation>&amp;Print dispatch book</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_tabs.py" line="170"/>
        <source>Semua entri yang dikirim pada rentang tanggal ini (pencarian tidak ikut dicetak; Ctrl+P)</source>
        <translation>All entries sent in this date range (the search is not applied to the printout; Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="123"/>
        <source>{0} surat masuk</source>
        <translation>{0} incoming letter(s)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="125"/>
        <source>belum didisposisi</source>
        <translation>not yet disposed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="126"/>
        <source>disposisi untuk peran saya</source>
        <translation>dispositions for my role</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="131"/>
        <source>Semua surat masuk yang cocok sudah didisposisi.</source>
        <translation>All matching incoming letters have been disposed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="133"/>
        <source>Belum ada surat masuk yang didisposisikan kepada unit peran Anda.</source>
        <translation>No incoming letter has been disposed to your role&apos;s units yet.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="135"/>
        <source>Tidak ada surat masuk yang cocok dengan pencarian atau tahun yang dipilih.</source>
        <translation>No incoming letter matches the search or the chosen year.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="138"/>
        <source>Belum ada surat masuk. Catat setiap surat yang diterima kantor dengan “Catat surat masuk…”: surat diberi nomor agenda, dan permohonan informasi atau usulan PAW langsung memulai kasusnya.</source>
        <translation>No incoming letters yet. Register every letter the office receives with “Register incoming letter…”: it gets an agenda number, and an information request or a PAW proposal starts its case at once.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="142"/>
        <source>Belum ada surat masuk. Surat dicatat oleh {0}; surat yang sudah dicatat muncul di sini.</source>
        <translation>No incoming letters yet. Letters are registered by {0}; registered letters appear here.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="153"/>
        <source>{0} surat keluar</source>
        <translation>{0} outgoing letter(s)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="159"/>
        <source>Tidak ada surat keluar yang cocok dengan pencarian atau tahun yang dipilih.</source>
        <translation>No outgoing letter matches the search or the chosen year.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="162"/>
        <source>Belum ada surat keluar. Surat keluar dicatat dengan “Catat surat keluar…” atau otomatis ketika kegiatan SOP menghasilkan surat; setiap surat yang dikirim masuk ke buku ekspedisi.</source>
        <translation>No outgoing letters yet. Outgoing letters are registered with “Register outgoing letter…” or automatically when an SOP step produces a letter; every letter sent goes into the dispatch book.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="249"/>
        <source>{0} (disaring: {1})</source>
        <translation>{0} (filtered: {1})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="253"/>
        <source>tahun {0}</source>
        <translation>year {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="256"/>
        <source>pencarian “{0}”</source>
        <translation>search “{0}”</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="163"/>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="177"/>
        <source>Tanggal akhir sebelum tanggal awal: perbaiki rentang tanggal.</source>
        <translation>The end date is before the start date: correct the date range.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="186"/>
        <source>{0} entri ditampilkan · {1} belum diterima pada rentang ini</source>
        <translation>{0} entry(ies) shown · {1} not yet received in this range</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="188"/>
        <source>hanya yang belum diterima</source>
        <translation>only those not yet received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="195"/>
        <source>Tidak ada entri yang cocok dengan pencarian pada {0}.</source>
        <translation>No entry matches the search in {0}.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="198"/>
        <source>Semua yang dikirim pada {0} sudah diterima.</source>
        <translation>Everything sent in {0} has been received.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="200"/>
        <source>Tidak ada pengiriman pada {0}. Setiap surat keluar yang dicatat, dan setiap kegiatan SOP yang menyerahkan dokumen, masuk ke buku ekspedisi.</source>
        <translation>Nothing was sent in {0}. Every outgoing letter registered, and every SOP step that hands over documents, goes into the dispatch book.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="228"/>
        <source>Baris ini sudah dibatalkan: {0}</source>
        <translation>This line has been voided: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_state.py" line="230"/>
        <source>Hanya pencatatnya ({0}) atau administrator</source>
        <translation>Only the person who registered it ({0}) or an administrator</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="47"/>
        <source>Surat masuk dicatat dengan nomor agenda {0}</source>
        <translation>Incoming letter registered with agenda number {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="50"/>
        <source>; kasus {0} menunggu di kegiatan {1} ({2})</source>
        <translation>; case {0} waits at step {1} ({2})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="53"/>
        <source>; kasus {0}</source>
        <translation>; case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="74"/>
        <source>Surat keluar dicatat dengan nomor {0}</source>
        <translation>Outgoing letter registered with number {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="76"/>
        <source>; buku ekspedisi nomor {0}</source>
        <translation>; dispatch book entry {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="96"/>
        <source>Disposisi nomor {0} dicatat; {1}</source>
        <translation>Disposition number {0} recorded; {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="98"/>
        <source>; {0} tidak lagi di daftar yang belum didisposisi</source>
        <translation>; {0} is no longer in the list of letters not yet disposed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="114"/>
        <source>Ekspedisi nomor {0} diterima {1} oleh {2}</source>
        <translation>Dispatch entry {0} received {1} by {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="141"/>
        <source>{0} dikoreksi ({1})</source>
        <translation>{0} corrected ({1})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="143"/>
        <source>{0} dibatalkan; nomornya tidak dipakai lagi</source>
        <translation>{0} voided; its number is not used again</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="182"/>
        <source>Mencetak PDF…</source>
        <translation>Printing PDF…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="189"/>
        <source>Pratinjau cetak dibuka: cetak atau simpan PDF dari sana.</source>
        <translation>Print preview opened: print or save a PDF from there.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/page_actions.py" line="190"/>
        <source>Gagal mencetak.</source>
        <translation>Printing failed.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="277"/>
        <source>Masuk — sopdesk</source>
        <translation>Sign in — sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="286"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="287"/>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="290"/>
        <source>Masuk</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="292"/>
        <source>Keluar</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="351"/>
        <source>Memuat data kantor…</source>
        <translation>Loading the office data…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="22"/>
        <source>Kotak Masuk</source>
        <translation>Inbox</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="23"/>
        <source>Meja Layanan</source>
        <translation>Help desk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="24"/>
        <source>Kasus</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="25"/>
        <source>Surat &amp; Ekspedisi</source>
        <translation>Letters &amp; Dispatch</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="26"/>
        <source>Katalog SOP</source>
        <translation>SOP catalog</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/navigation.py" line="27"/>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="112"/>
        <source>Sedang memproses…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="165"/>
        <source>&amp;Keluar/ganti pengguna</source>
        <translation>&amp;Sign out/switch user</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="168"/>
        <source>&amp;Tutup sopdesk</source>
        <translation>&amp;Quit sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="175"/>
        <source>&amp;Panduan Pengguna</source>
        <translation>&amp;User Guide</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="284"/>
        <source>Dimuat ulang</source>
        <translation>Reloaded</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="315"/>
        <source>Server basis data tidak terjangkau; mencoba lagi...</source>
        <translation>Database server unreachable; retrying...</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="343"/>
        <source>Server basis data tersambung kembali</source>
        <translation>Database server connected again</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="366"/>
        <source>{0}: {1} menunggu, {2} terlambat</source>
        <translation>{0}: {1} waiting, {2} overdue</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="391"/>
        <source>DATA CONTOH — {0}</source>
        <translation>SAMPLE DATA — {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="411"/>
        <source>Cadangan harian dibuat: {0}</source>
        <translation>Daily backup made: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="416"/>
        <source>Cadangan harian gagal: {0}</source>
        <translation>Daily backup failed: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="418"/>
        <source>Memeriksa cadangan harian…</source>
        <translation>Checking the daily backup…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="163"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="174"/>
        <source>Bantuan</source>
        <translation>Help</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="371"/>
        <source>Kotak Masuk ({0})</source>
        <translation>Inbox ({0})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="388"/>
        <source>sopdesk {0} — {1} — {2} sebagai {3}</source>
        <translation>sopdesk {0} — {1} — {2} as {3}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="376"/>
        <source>Pengguna: {0} · Peran: {1} · Basis data: {2}</source>
        <translation>User: {0} · Role: {1} · Database: {2}</translation>
    </message>
</context>
<context>
    <name>OfficeBox</name>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="40"/>
        <source>Profil kantor</source>
        <translation>Office profile</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="50"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="50"/>
        <location filename="../../sopdesk/gui/settings_office.py" line="96"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="50"/>
        <source>Zona waktu</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="51"/>
        <location filename="../../sopdesk/gui/settings_office.py" line="98"/>
        <location filename="../../sopdesk/gui/settings_office.py" line="165"/>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="54"/>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="55"/>
        <source>Folder data</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="67"/>
        <location filename="../../sopdesk/gui/settings_office.py" line="119"/>
        <source>belum ada</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="74"/>
        <source>Pilih logo…</source>
        <translation>Choose logo…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="76"/>
        <source>Hapus logo</source>
        <translation>Remove logo</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="82"/>
        <source>Simpan profil kantor</source>
        <translation>Save office profile</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="84"/>
        <source>Muat ulang</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="95"/>
        <source>Nama kantor*</source>
        <translation>Office name*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="97"/>
        <source>Zona waktu*</source>
        <translation>Time zone*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="144"/>
        <source>Profil kantor diubah di komputer lain; isian di sini diperbarui.</source>
        <translation>The office profile was changed on another computer; the fields here were updated.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="151"/>
        <source>Profil kantor telah diubah di komputer lain sejak dibuka di sini; nama kantor kini “{0}”. Tekan Muat ulang untuk memakai profil itu (isian Anda dibuang), atau Simpan profil kantor sekali lagi untuk menimpanya dengan isian Anda.</source>
        <translation>The office profile was changed on another computer since it was opened here; the office name is now “{0}”. Press Reload to use that profile (your entries are discarded), or Save office profile once more to overwrite it with your entries.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="161"/>
        <source>Profil kantor dimuat ulang.</source>
        <translation>Office profile reloaded.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="166"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="185"/>
        <source>Profil kantor diubah di komputer lain; isian di sini diperbarui. Tidak ada yang disimpan.</source>
        <translation>The office profile was changed on another computer; the fields here were updated. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="199"/>
        <source>Profil kantor disimpan.</source>
        <translation>Office profile saved.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_office.py" line="199"/>
        <source>Tidak ada perubahan.</source>
        <translation>No changes.</translation>
    </message>
</context>
<context>
    <name>OutgoingDialog</name>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="34"/>
        <source>Catat surat keluar</source>
        <translation>Register outgoing letter</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="39"/>
        <source>mis. Bawaslu Kota Kupang</source>
        <translation>e.g. Bawaslu Kota Kupang</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="43"/>
        <source>Nomor &amp;otomatis</source>
        <translation>&amp;Automatic number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="44"/>
        <source>Nomor yang sudah &amp;ditulis</source>
        <translation>Number already &amp;written</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="61"/>
        <source>mis. PP/2026/0001 (boleh kosong)</source>
        <translation>e.g. PP/2026/0001 (optional)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="65"/>
        <source>nama orang yang dituju (boleh kosong)</source>
        <translation>name of the person addressed (optional)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="66"/>
        <source>Catat di &amp;buku ekspedisi (surat dikirim)</source>
        <translation>Record in the dispatch &amp;book (letter sent)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="79"/>
        <source>Tanggal &amp;surat</source>
        <translation>Letter &amp;date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="81"/>
        <source>Kas&amp;us</source>
        <translation>Ca&amp;se</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="82"/>
        <source>Ke&amp;giatan kasus</source>
        <translation>Case &amp;activity</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="83"/>
        <source>&amp;Nama penerima</source>
        <translation>Recipient &amp;name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="76"/>
        <source>&amp;Tujuan *</source>
        <translation>&amp;To *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="77"/>
        <source>P&amp;erihal *</source>
        <translation>Su&amp;bject *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="78"/>
        <source>&amp;Kode klasifikasi</source>
        <translation>&amp;Classification code</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="80"/>
        <source>Nomor surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="85"/>
        <source>Isian yang belum disimpan saat formulir ini ditutup dipulihkan.</source>
        <translation>What was typed but not saved when this form was closed has been restored.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="89"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="89"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="109"/>
        <source>pola nomor tidak dapat dipakai: {0}</source>
        <translation>the numbering pattern cannot be used: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="111"/>
        <source>berikutnya: {0}</source>
        <translation>next: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/outgoing_dialog.py" line="124"/>
        <source>Tulis nomor surat, atau pilih nomor otomatis.</source>
        <translation>Write the letter number, or choose the automatic number.</translation>
    </message>
</context>
<context>
    <name>OutgoingModel</name>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="157"/>
        <source>Klasifikasi: {0}</source>
        <translation>Classification: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="158"/>
        <source>Kasus: {0}</source>
        <translation>Case: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="159"/>
        <source>Dicatat oleh: {0}</source>
        <translation>Recorded by: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="162"/>
        <source>Nomor surat</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="164"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="165"/>
        <source>Tujuan</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="167"/>
        <source>Perihal</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="168"/>
        <source>Klasifikasi</source>
        <translation>Classification</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="170"/>
        <source>Kasus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="171"/>
        <source>Dicatat oleh</source>
        <translation>Registered by</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="176"/>
        <source>{0} kegiatan {1}</source>
        <translation>{0} step {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="181"/>
        <source>Nomor otomatis menurut pola</source>
        <translation>Automatic number from the pattern</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/models.py" line="181"/>
        <source>Nomor ditulis tangan</source>
        <translation>Number written by hand</translation>
    </message>
</context>
<context>
    <name>PagedTableModel</name>
    <message>
        <location filename="../../sopdesk/gui/paged_model.py" line="208"/>
        <source>Kolom ini tidak dapat diurutkan</source>
        <translation>This column cannot be sorted</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <location filename="../../sopdesk/gui/pdf_pages.py" line="37"/>
        <source>Berkas PDF tidak dapat dibaca: {0}</source>
        <translation>The PDF file cannot be read: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/pdf_pages.py" line="42"/>
        <source>Berkas PDF tidak berisi halaman.</source>
        <translation>The PDF file has no pages.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <location filename="../../sopdesk/gui/printing.py" line="159"/>
        <source>Dari tanggal</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/printing.py" line="160"/>
        <source>Sampai tanggal</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/printing.py" line="170"/>
        <source>Tanggal awal harus sebelum tanggal akhir.</source>
        <translation>The start date must be before the end date.</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="98"/>
        <source>Pratinjau cetak – {0}</source>
        <translation>Print preview – {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="147"/>
        <source>Ukuran kertas cetakan dari jendela ini diatur di Pengaturan</source>
        <translation>The paper size of prints from this window is set in Settings</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="150"/>
        <source>Ukuran kertas; pilihan ini juga dipakai cetakan berikutnya</source>
        <translation>Paper size; this choice is also used for the next prints</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="152"/>
        <location filename="../../sopdesk/gui/print_preview.py" line="286"/>
        <source>Kertas {0}</source>
        <translation>Paper {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="157"/>
        <source>Perkecil</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="157"/>
        <source>Perkecil (Ctrl+-)</source>
        <translation>Zoom out (Ctrl+-)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="158"/>
        <source>Perbesar</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="158"/>
        <source>Perbesar (Ctrl++)</source>
        <translation>Zoom in (Ctrl++)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="159"/>
        <source>Selebar jendela</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="159"/>
        <source>Halaman selebar jendela (Ctrl+0)</source>
        <translation>Page as wide as the window (Ctrl+0)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="176"/>
        <source>Cetak…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="176"/>
        <source>Kirim ke pencetak (Ctrl+P)</source>
        <translation>Send to the printer (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="178"/>
        <source>Simpan PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="178"/>
        <source>Simpan sebagai berkas PDF (Ctrl+S)</source>
        <translation>Save as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="180"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="180"/>
        <source>Tutup pratinjau (Esc)</source>
        <translation>Close the preview (Esc)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="248"/>
        <source>Menyiapkan cetakan di kertas {0}…</source>
        <translation>Preparing the print on {0} paper…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="289"/>
        <source>Halaman {0} dari {1}</source>
        <translation>Page {0} of {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="347"/>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="348"/>
        <source>Dokumen PDF (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="363"/>
        <source>Berkas {0} tidak dapat ditulis: {1}</source>
        <translation>The file {0} cannot be written: {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="366"/>
        <source>PDF disimpan: {0}</source>
        <translation>PDF saved: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="382"/>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="396"/>
        <source>Pencetakan dibatalkan.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="399"/>
        <source>{0} halaman dikirim ke pencetak.</source>
        <translation>{0} page(s) sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/page_printer.py" line="50"/>
        <source>Pencetak tidak dapat dibuka. Periksa pencetak dan coba lagi.</source>
        <translation>The printer cannot be opened. Check the printer and try again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="414"/>
        <source>Mengirim halaman ke pencetak…</source>
        <translation>Sending pages to the printer…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/print_preview.py" line="414"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="23"/>
        <source>Tanda terima ekspedisi nomor {0}</source>
        <translation>Receipt of dispatch entry {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="26"/>
        <source>{0} kepada {1}, dikirim {2}</source>
        <translation>{0} to {1}, sent {2}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="33"/>
        <source>nama yang menandatangani tanda terima</source>
        <translation>name of the person who signed the receipt</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="34"/>
        <source>tanda terima yang ditandatangani</source>
        <translation>the signed receipt</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="36"/>
        <source>&amp;Tanggal terima</source>
        <translation>&amp;Date received</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="37"/>
        <source>&amp;Ditandatangani oleh *</source>
        <translation>&amp;Signed by *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="38"/>
        <source>Pindaian tanda terima</source>
        <translation>Scan of the receipt</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="42"/>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/letters/receipt_dialog.py" line="42"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="152"/>
        <source>Atur ulang kata sandi</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="152"/>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="154"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="155"/>
        <source>Kata sandi baru*</source>
        <translation>New password*</translation>
    </message>
</context>
<context>
    <name>RestoreProgress</name>
    <message>
        <location filename="../../sopdesk/gui/settings_backup.py" line="69"/>
        <source>Pulihkan data — sopdesk</source>
        <translation>Restore data — sopdesk</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="23"/>
        <source>Kembalikan ke kegiatan sebelumnya</source>
        <translation>Return to an earlier step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="25"/>
        <source>Kasus akan dikembalikan ke kegiatan yang dipilih; pelaksananya mengerjakannya lagi. Alasan pengembalian dicatat.</source>
        <translation>The case goes back to the chosen step, and its pelaksana (performer) does it again. The reason for the return is recorded.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="32"/>
        <source>Kegiatan {no}: {text}</source>
        <translation>Step {no}: {text}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="38"/>
        <source>Kembali ke</source>
        <translation>Return to</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="40"/>
        <source>Mengapa kegiatan ini dikembalikan?</source>
        <translation>Why is this step being returned?</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="43"/>
        <source>Alasan (wajib)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="48"/>
        <source>Kembalikan</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="49"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="52"/>
        <source>Kembalikan (Ctrl+Enter)</source>
        <translation>Return (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="72"/>
        <source>Pilih kegiatan tujuan.</source>
        <translation>Choose the step to return to.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/return_dialog.py" line="74"/>
        <source>Alasan pengembalian wajib diisi.</source>
        <translation>A reason for the return is required.</translation>
    </message>
</context>
<context>
    <name>RoleBar</name>
    <message>
        <location filename="../../sopdesk/gui/role_bar.py" line="106"/>
        <source>Peran: </source>
        <translation>Role: </translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/role_bar.py" line="180"/>
        <location filename="../../sopdesk/gui/role_bar.py" line="200"/>
        <source>{0} peran lain</source>
        <translation>{0} more roles</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="190"/>
        <source>Ubah peran {0}</source>
        <translation>Change roles of {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="199"/>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="200"/>
        <source>Peran*</source>
        <translation>Roles*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/user_dialogs.py" line="202"/>
        <source>Simpan peran</source>
        <translation>Save roles</translation>
    </message>
</context>
<context>
    <name>ServerBox</name>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="48"/>
        <source>Server basis data</source>
        <translation>Database server</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="56"/>
        <source>IP server (mis. 192.168.1.10) atau {0}</source>
        <translation>server IP (e.g. 192.168.1.10) or {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="60"/>
        <source>Uji dan simpan</source>
        <translation>Test and save</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="62"/>
        <source>Pakai berkas di PC ini</source>
        <translation>Use the file on this PC</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="65"/>
        <source>Untuk beberapa meja: alamat server PostgreSQL kantor, tanpa kata sandi (kata sandi diisi di bawah dan disimpan terpisah, hanya untuk pengguna PC ini). Berlaku setelah sopdesk dibuka ulang.</source>
        <translation>For several desks: the address of the office&apos;s PostgreSQL server, without the password (the password is entered below and kept separately, for this PC&apos;s user only). Takes effect when sopdesk is opened again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="71"/>
        <source>Alamat server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="72"/>
        <source>Kata sandi basis data</source>
        <translation>Database password</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="91"/>
        <source>Meja ini memakai: {0}</source>
        <translation>This desk uses: {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="92"/>
        <source>berkas SQLite di PC ini</source>
        <translation>the SQLite file on this PC</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="98"/>
        <source>Isi alamat server, mis. 192.168.1.10 atau {0}</source>
        <translation>Enter the server address, e.g. 192.168.1.10 or {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="106"/>
        <source>Mencoba koneksi ke server…</source>
        <translation>Trying to connect to the server…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="112"/>
        <source>Tersimpan untuk PC ini: {0}. Berlaku setelah sopdesk dibuka ulang.</source>
        <translation>Saved for this PC: {0}. Takes effect when sopdesk is opened again.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="121"/>
        <source>{0}. Tulis IP server (mis. 192.168.1.10) atau alamat lengkap seperti {1}</source>
        <translation>{0}. Write the server IP (e.g. 192.168.1.10) or a full address such as {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="139"/>
        <source>Meja ini memakai berkas SQLite di PC ini setelah sopdesk dibuka ulang.</source>
        <translation>This desk uses the SQLite file on this PC once sopdesk is opened again.</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="148"/>
        <source>Server basis data kantor</source>
        <translation>Office database server</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/server_settings.py" line="152"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="71"/>
        <source>Pengelolaan pengguna hanya untuk administrator.</source>
        <translation>User management is for administrators only.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="100"/>
        <source>Bahasa</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="114"/>
        <source>Bahasa baru dipakai setelah sopdesk dibuka ulang.</source>
        <translation>The new language is used after sopdesk is reopened.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="118"/>
        <source>Kunci layar</source>
        <translation>Screen lock</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="121"/>
        <source> menit</source>
        <translation> minutes</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="122"/>
        <source>tidak pernah</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="126"/>
        <source>Kunci layar setelah tidak ada kegiatan selama</source>
        <translation>Lock the screen after no activity for</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="140"/>
        <source>Cetak</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="143"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="144"/>
        <source>F4 / folio (215 × 330 mm)</source>
        <translation>F4 / folio (215 × 330 mm)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="147"/>
        <source>&amp;Ukuran kertas</source>
        <translation>Paper si&amp;ze</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="152"/>
        <source>dipakai setiap cetakan dari komputer ini</source>
        <translation>used by every print from this computer</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="157"/>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="159"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="159"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="159"/>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="160"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="167"/>
        <source>Tambah pengguna…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="168"/>
        <source>Aktifkan / nonaktifkan</source>
        <translation>Activate / deactivate</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="169"/>
        <source>Atur ulang kata sandi…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="170"/>
        <source>Ubah peran…</source>
        <translation>Change roles…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="187"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="188"/>
        <location filename="../../sopdesk/gui/settings_page.py" line="216"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="188"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="203"/>
        <source>Pilih dulu seorang pengguna di daftar.</source>
        <translation>Choose a user in the list first.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="223"/>
        <source>Kata sandi {0} diganti.</source>
        <translation>Password of {0} changed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="235"/>
        <source>Data contoh</source>
        <translation>Sample data</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="236"/>
        <source>Coba dengan data contoh</source>
        <translation>Try with sample data</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="239"/>
        <source>Membuka kantor contoh yang terpisah (jendela bertanda DATA CONTOH) untuk berlatih; data kantor ini tidak diubah.</source>
        <translation>Opens a separate sample office (a window marked SAMPLE DATA) to practise in; this office&apos;s data is not changed.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="64"/>
        <source>Penyiapan sopdesk</source>
        <translation>sopdesk setup</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="71"/>
        <source>mis. KPU Kota Kupang</source>
        <translation>e.g. KPU Kota Kupang</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="102"/>
        <location filename="../../sopdesk/gui/login.py" line="166"/>
        <source>Logo kop surat</source>
        <translation>Letterhead logo</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="43"/>
        <source>WIB (UTC+7): Sumatra, Jawa, Kalimantan Barat dan Tengah</source>
        <translation>WIB (UTC+7): Sumatra, Java, West and Central Kalimantan</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="45"/>
        <source>WITA (UTC+8): Bali, NTB, NTT, Sulawesi, Kalimantan Selatan, Timur dan Utara</source>
        <translation>WITA (UTC+8): Bali, NTB, NTT, Sulawesi, South, East and North Kalimantan</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="47"/>
        <source>WIT (UTC+9): Maluku dan Papua</source>
        <translation>WIT (UTC+9): Maluku and Papua</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="65"/>
        <source>Selamat datang. Isi profil kantor (dicetak di kop surat; zona waktunya menentukan tenggat) dan buat akun administrator, yang nanti menambah pengguna lain di Pengaturan. Kolom bertanda * wajib diisi. Langkah ini hanya sekali.</source>
        <translation>Welcome. Fill in the office profile (printed on the letterhead; its time zone sets the deadlines) and create the administrator account, which later adds the other users in Settings. Fields marked * are required. This step is done only once.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="73"/>
        <source>dicetak di kop surat, mis. Jl. Timor Raya No. 5, Oelamasi</source>
        <translation>printed on the letterhead, e.g. Jl. Timor Raya No. 5, Oelamasi</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="77"/>
        <source>boleh kosong; gambar PNG atau JPG</source>
        <translation>optional; a PNG or JPG image</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="81"/>
        <source>Pilih &amp;logo…</source>
        <translation>Choose &amp;logo…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="87"/>
        <source>Nama untuk masuk ke sopdesk: huruf kecil, angka, titik, - atau _, diawali huruf</source>
        <translation>Name to log in to sopdesk: lowercase letters, digits, dot, - or _, starting with a letter</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="90"/>
        <source>boleh kosong, mis. Yohanes Benu</source>
        <translation>optional, e.g. Yohanes Benu</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="95"/>
        <source>minimal 8 karakter, campuran huruf dan angka</source>
        <translation>at least 8 characters, a mix of letters and digits</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="99"/>
        <source>&amp;Nama kantor*</source>
        <translation>Office &amp;name*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="100"/>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="101"/>
        <source>&amp;Zona waktu*</source>
        <translation>Time &amp;zone*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="103"/>
        <source>Nama &amp;pengguna admin*</source>
        <translation>Admin &amp;user name*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="104"/>
        <source>Nama l&amp;engkap</source>
        <translation>Full nam&amp;e</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="105"/>
        <source>&amp;Kata sandi*</source>
        <translation>&amp;Password*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="106"/>
        <source>&amp;Ulangi kata sandi*</source>
        <translation>&amp;Repeat password*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="111"/>
        <source>&amp;Siapkan</source>
        <translation>&amp;Set up</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="112"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="113"/>
        <source>Coba dengan data contoh</source>
        <translation>Try with sample data</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="116"/>
        <source>Buka kantor contoh yang terpisah berisi kasus latihan; data kantor ini tidak diubah.</source>
        <translation>Open a separate sample office with practice cases; this office&apos;s data is not changed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="119"/>
        <source>Server kantor…</source>
        <translation>Office server…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="121"/>
        <source>Kantor ini sudah memakai server basis data: hubungkan PC ini ke server itu, tanpa menyiapkan kantor baru.</source>
        <translation>This office already uses a database server: connect this PC to that server without setting up a new office.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="151"/>
        <source>Tutup penyiapan? Yang sudah diisi tidak disimpan dan sopdesk ditutup.</source>
        <translation>Close the setup? What was filled in is not saved and sopdesk closes.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="153"/>
        <source>Tutup penyiapan</source>
        <translation>Close setup</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="154"/>
        <source>Lanjutkan mengisi</source>
        <translation>Continue filling in</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="167"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="173"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation>The two passwords do not match.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="194"/>
        <source>{0}. Logo dapat dipilih lagi di Pengaturan.</source>
        <translation>{0}. The logo can be chosen again in Settings.</translation>
    </message>
</context>
<context>
    <name>Shell</name>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="139"/>
        <source>Kantor disiapkan. Berikutnya: tambahkan pengguna kantor di Pengaturan (Ctrl+6).</source>
        <translation>Office set up. Next: add the office&apos;s users in Settings (Ctrl+6).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="150"/>
        <source>Masuk — DATA CONTOH — sopdesk</source>
        <translation>Sign in — SAMPLE DATA — sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="214"/>
        <source>Kantor contoh: semua pengguna contoh (admin, kasubag, help.desk, …) memakai kata sandi sopdesk-demo. Data kantor Anda tidak tersentuh.</source>
        <translation>Sample office: every sample user (admin, kasubag, help.desk, …) has the password sopdesk-demo. Your office&apos;s data is not touched.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="246"/>
        <location filename="../../sopdesk/gui/app.py" line="252"/>
        <source>Memeriksa keutuhan data…</source>
        <translation>Checking the integrity of the data…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="268"/>
        <source>Pemeriksaan data</source>
        <translation>Data check</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="323"/>
        <source>Menunggu cadangan harian selesai ditulis…</source>
        <translation>Waiting for the daily backup to be written…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="337"/>
        <source>Membuat cadangan sebelum keluar…</source>
        <translation>Making a backup before closing…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="349"/>
        <source>Cadangan sebelum keluar</source>
        <translation>Backup before closing</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="357"/>
        <source>Cadangan — sopdesk</source>
        <translation>Backup — sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="372"/>
        <source>Membuat cadangan sebelum keluar… {0} dari {1} MB</source>
        <translation>Making a backup before closing… {0} of {1} MB</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="392"/>
        <source>Menyiapkan kantor contoh dengan {0} kasus latihan…
Data kantor Anda tidak diubah.</source>
        <translation>Preparing a sample office with {0} practice cases…
Your office&apos;s data is not changed.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="395"/>
        <source>Data contoh — sopdesk</source>
        <translation>Sample data — sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="419"/>
        <source>Data contoh</source>
        <translation>Sample data</translation>
    </message>
</context>
<context>
    <name>Start</name>
    <message>
        <location filename="../../sopdesk/gui/start.py" line="195"/>
        <source>Data kantor tidak dapat dibuka: terjadi kesalahan internal. Rinciannya dicatat di berkas log sopdesk.</source>
        <translation>The office data cannot be opened: an internal error occurred. The details are in sopdesk&apos;s log file.</translation>
    </message>
</context>
<context>
    <name>StartCaseDialog</name>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="51"/>
        <source>Mulai kasus {0}</source>
        <translation>Start case {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="52"/>
        <source>SOP {0}: {1}</source>
        <translation>SOP {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="57"/>
        <source>{0} (kegiatan {1}, {2})</source>
        <translation>{0} (activity {1}, {2})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="63"/>
        <source>mis. Peminjaman arsip DPT Pemilu 2024</source>
        <translation>e.g. Loan of the 2024 election voter-list archive</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="65"/>
        <source>boleh kosong</source>
        <translation>may be left empty</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="67"/>
        <source>&amp;Entri</source>
        <translation>&amp;Entry</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="71"/>
        <source>&amp;Perihal*</source>
        <translation>&amp;Subject*</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="72"/>
        <source>&amp;Nama pemohon</source>
        <translation>Requester &amp;name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="81"/>
        <source>&amp;Mulai</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="106"/>
        <source>Kasus mulai di kegiatan {0}: {1} (pelaksana {2}).</source>
        <translation>The case starts at activity {0}: {1} (performed by {2}).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="118"/>
        <source>Perihal wajib diisi: tulis singkat apa yang diurus kasus ini.</source>
        <translation>Subject is required: write briefly what this case is about.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/case_start.py" line="139"/>
        <source>Kasus {0} dimulai. Kegiatan {1} menunggu di Kotak Masuk peran {2}.</source>
        <translation>Case {0} started. Activity {1} waits in the Inbox of role {2}.</translation>
    </message>
</context>
<context>
    <name>StepFormDialog</name>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="97"/>
        <source>Kasus {number}</source>
        <translation>Case {number}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="99"/>
        <source>Kegiatan {no} — {number}</source>
        <translation>Step {no} — {number}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="37"/>
        <source>Pemohon:</source>
        <translation>Requester:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="38"/>
        <source>{kode} — {nama} (revisi {revisi})</source>
        <translation>{kode} — {nama} (revision {revisi})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="40"/>
        <source>SOP:</source>
        <translation>SOP:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="46"/>
        <source>Dikembalikan oleh {name} ({role}) pada {when} dari kegiatan {step}: {reason}</source>
        <translation>Returned by {name} ({role}) on {when} from step {step}: {reason}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="58"/>
        <source>sudah selesai</source>
        <translation>already done</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="59"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/header.py" line="60"/>
        <source>Kasus ini {state}; tidak ada kegiatan yang menunggu.</source>
        <translation>This case is {state}; no step is waiting.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="30"/>
        <source>Kegiatan yang menunggu</source>
        <translation>Waiting step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="33"/>
        <source>Kegiatan {no}: {text}</source>
        <translation>Step {no}: {text}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="41"/>
        <source>Pelaksana:</source>
        <translation>Pelaksana (performer):</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="41"/>
        <source>{lane} (peran {role})</source>
        <translation>{lane} (role {role})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="43"/>
        <source>{waktu} (tanpa standar waktu)</source>
        <translation>{waktu} (no standard time)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="45"/>
        <source>Waktu:</source>
        <translation>Standard time:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="48"/>
        <source>Masuk:</source>
        <translation>Arrived:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="54"/>
        <source>tidak ada</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="56"/>
        <source>{when} — {late}</source>
        <translation>{when} — {late}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="60"/>
        <source>{when} (sisa {left})</source>
        <translation>{when} ({left} left)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="62"/>
        <source>Batas waktu:</source>
        <translation>Due:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="64"/>
        <source>{when} — belum boleh diselesaikan sebelumnya</source>
        <translation>{when} — may not be completed before then</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="68"/>
        <source>Masa tunggu sampai:</source>
        <translation>Waiting period until:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="72"/>
        <source>wajib diisi untuk menyelesaikan lebih awal</source>
        <translation>required to complete early</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="74"/>
        <source>Alasan melewati masa tunggu (administrator):</source>
        <translation>Reason for skipping the waiting period (administrator):</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="77"/>
        <source>Dikerjakan oleh:</source>
        <translation>Worked on by:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="79"/>
        <source>Keterangan:</source>
        <translation>Remarks:</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="82"/>
        <source>Anda tidak memegang peran {role}; kegiatan ini dikerjakan oleh pemegang peran tersebut.</source>
        <translation>You do not hold the role {role}; this step is done by a holder of that role.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="95"/>
        <source>Pelaksana</source>
        <translation>Performer</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="100"/>
        <source>{lane} adalah pihak di luar kantor; kegiatan ini dicatat atas namanya oleh petugas.</source>
        <translation>{lane} is a party outside the office; a clerk records this step on its behalf.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="103"/>
        <source>Dicatat atas nama {lane} (mis. diserahkan oleh {lower})</source>
        <translation>Recorded on behalf of {lane} (e.g. handed in by {lower})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/step_box.py" line="110"/>
        <source>Kegiatan bersama ({names}): {lane} menyetujui lebih dulu, lalu kegiatan ini menunggu {next}.</source>
        <translation>Joint step ({names}): {lane} approves first, then this step waits for {next}.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="28"/>
        <source>Tenggat kasus</source>
        <translation>Case deadlines</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="38"/>
        <source>kasus dimulai</source>
        <translation>the case starts</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="39"/>
        <source>kegiatan {no} selesai</source>
        <translation>step {no} is done</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="40"/>
        <source>belum berjalan (dihitung sejak {anchor}; {waktu})</source>
        <translation>not started yet (counted from when {anchor}; {waktu})</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="44"/>
        <source>tidak sebelum {when}</source>
        <translation>not before {when}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="46"/>
        <source> — masa tunggu sudah berakhir</source>
        <translation> — the waiting period has ended</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/deadline_dialog.py" line="53"/>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="48"/>
        <source>paling lambat {when}</source>
        <translation>no later than {when}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="53"/>
        <source> — terpenuhi {when}</source>
        <translation> — met {when}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="59"/>
        <source> (diperpanjang {n} kali)</source>
        <translation> (extended {n} times)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="60"/>
        <source>{name}: {state}</source>
        <translation>{name}: {state}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/deadlines.py" line="66"/>
        <source>Perpanjang tenggat…</source>
        <translation>Extend the deadline…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="81"/>
        <source>Kelengkapan</source>
        <translation>Kelengkapan (required inputs)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="84"/>
        <source>Tidak ada kelengkapan untuk kegiatan ini.</source>
        <translation>This step has no kelengkapan (required inputs).</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="88"/>
        <source>Centang yang tersedia; lampirkan pindaiannya bila ada. Tab berpindah dari centang ke centang, lalu ke tombol Lampirkan.</source>
        <translation>Tick what is at hand; attach its scan if there is one. Tab moves from tick to tick, then to the Attach buttons.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="120"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="124"/>
        <source>Kegiatan ini tidak menghasilkan dokumen.</source>
        <translation>This step produces no documents.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="136"/>
        <source>{index}. {name}</source>
        <translation>{index}. {name}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="142"/>
        <source>mis. 123/PP.01-SD/5371/2026</source>
        <translation>e.g. 123/PP.01-SD/5371/2026</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="144"/>
        <source>Nomor dokumen</source>
        <translation>Document number</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="146"/>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="148"/>
        <source>Centang untuk mengisi tanggal dokumen</source>
        <translation>Tick to enter the document date</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="154"/>
        <source>kosong</source>
        <translation>empty</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/inputs.py" line="167"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="22"/>
        <source>Keputusan</source>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="37"/>
        <source>→ kasus selesai</source>
        <translation>→ the case ends</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="39"/>
        <source>→ lanjut ke kegiatan {no}: {text}</source>
        <translation>→ continue at step {no}: {text}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="42"/>
        <source>; kasus menjadi rahasia (perihalnya disembunyikan dari peran di luar alurnya)</source>
        <translation>; the case becomes confidential (its subject is hidden from roles outside its flow)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="72"/>
        <source>Menunggu</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="74"/>
        <source>Menunggu: {event} — catat peristiwanya</source>
        <translation>Waiting for: {event} — record the event</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="78"/>
        <source>Kegiatan ini selesai ketika peristiwa yang ditunggu terjadi: tulis di Catatan apa yang terjadi dan kapan, atau isi Output-nya.</source>
        <translation>This step is done when the awaited event happens: write in Note what happened and when, or fill in its Output.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="88"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="95"/>
        <source>Catatan untuk kegiatan ini (boleh kosong)</source>
        <translation>Note for this step (optional)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="97"/>
        <source>Peristiwa yang ditunggu: apa, kapan, nomor putusan …</source>
        <translation>The awaited event: what, when, ruling number …</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="23"/>
        <source>&amp;Kembalikan…</source>
        <translation>&amp;Return…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="24"/>
        <source>Simpan &amp;draf</source>
        <translation>Save &amp;draft</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="25"/>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="26"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="27"/>
        <source>Selesai</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="30"/>
        <source>Kembalikan kasus ke kegiatan yang sudah dilalui, dengan alasan</source>
        <translation>Return the case to a step it has passed, with a reason</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="32"/>
        <source>Simpan isian untuk dilanjutkan nanti</source>
        <translation>Save what has been filled in, to continue later</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="33"/>
        <source>Selesaikan kegiatan ini dan teruskan kasus (Ctrl+Enter)</source>
        <translation>Complete this step and pass the case on (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="50"/>
        <source>Dis&amp;posisi…</source>
        <translation>Dis&amp;position…</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="52"/>
        <source>Lembar disposisi: unit tujuan dan isi disposisi; kasus diteruskan sesuai SOP</source>
        <translation>Disposition sheet: target units and instruction; the case moves on as the SOP says</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/buttons.py" line="65"/>
        <source>Belum ada kegiatan yang dilalui untuk tujuan pengembalian</source>
        <translation>The case has not passed any step to return to yet</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="72"/>
        <source>Draf yang tersimpan dipulihkan.</source>
        <translation>The saved draft was restored.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="78"/>
        <source>Isian kunjungan sebelumnya ({when}) dimuat; periksa lalu selesaikan.</source>
        <translation>The entries of the previous visit ({when}) are filled in; check them, then complete the step.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/local_draft.py" line="29"/>
        <source>Isian yang disimpan di PC ini saat server basis data tidak terjangkau (pukul {time} {zone}) masih ada.</source>
        <translation>Entries saved on this PC while the database server was unreachable (at {time} {zone}) are still here.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/local_draft.py" line="32"/>
        <source>Pakai isian itu</source>
        <translation>Use those entries</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/local_draft.py" line="33"/>
        <source>Buang</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="101"/>
        <source>Isian yang belum disimpan saat formulir ditutup dipulihkan.</source>
        <translation>What was typed before the form was closed without saving has been restored.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="131"/>
        <source>Isian dari PC ini dimuat; periksa lalu selesaikan.</source>
        <translation>The entries from this PC are filled in; check them, then complete the step.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="149"/>
        <source>Server basis data tidak terjangkau, dan isian tidak dapat disimpan di PC ini ({error}); jangan tutup formulir ini.</source>
        <translation>The database server is unreachable, and the entries cannot be saved on this PC ({error}); do not close this form.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/kept_input.py" line="153"/>
        <source>Server basis data tidak terjangkau; isian disimpan di PC ini dan ditawarkan lagi saat formulir ini dibuka.</source>
        <translation>The database server is unreachable; the entries are saved on this PC and offered again when this form is opened.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="403"/>
        <source>Disposisi nomor {0} dicatat; {1}</source>
        <translation>Disposition number {0} recorded; {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="61"/>
        <source>Pilih salah satu jawaban: {labels}.</source>
        <translation>Choose one of the answers: {labels}.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/decision.py" line="109"/>
        <source>Catat peristiwa yang ditunggu ({event}) di Catatan, atau isi Output-nya.</source>
        <translation>Record the awaited event ({event}) in Note, or fill in its Output.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="339"/>
        <source>Kegiatan diselesaikan</source>
        <translation>Step completed</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="340"/>
        <source>Kegiatan diselesaikan dengan catatan:
{warnings}</source>
        <translation>Step completed with notes:
{warnings}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/dialog.py" line="355"/>
        <source>Draf disimpan pukul {time} {zone}.</source>
        <translation>Draft saved at {time} {zone}.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form/gone.py" line="44"/>
        <source>{0}. Isian formulir ini tidak dapat disimpan lagi; tutup dengan Batal.</source>
        <translation>{0}. This form can no longer be saved; close it with Cancel.</translation>
    </message>
</context>
<context>
    <name>SwimlaneView</name>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="52"/>
        <source>Diagram alir SOP</source>
        <translation>SOP flowchart</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="90"/>
        <source>No</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="90"/>
        <source>Kegiatan</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="90"/>
        <source>Pelaksana</source>
        <translation>Pelaksana</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="91"/>
        <source>Mutu Baku</source>
        <translation>Mutu Baku</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="91"/>
        <source>Kelengkapan</source>
        <translation>Kelengkapan</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="91"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="92"/>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="92"/>
        <source>Keterangan</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="95"/>
        <source>Simbol: kapsul = mulai/selesai, persegi = kegiatan, belah ketupat = keputusan. Garis putus-putus di sekeliling simbol: pelaksana disimpulkan (arahkan kursor ke simbol untuk alasannya). ✓ = sudah selesai, ▶ = sedang dikerjakan.</source>
        <translation>Symbols: capsule = start/end, rectangle = step, diamond = decision. Dashed outline around a symbol: pelaksana (performer) inferred (hover over the symbol for the reason). ✓ = done, ▶ = in progress.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="48"/>
        <source>Pelaksana disimpulkan: {alasan}</source>
        <translation>Pelaksana (performer) inferred: {alasan}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="45"/>
        <source>Kegiatan {no} — {pelaksana}</source>
        <translation>Step {no} — {pelaksana}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="50"/>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="46"/>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="49"/>
        <source>Selesai</source>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane_scene.py" line="47"/>
        <source>Mulai: {entri}</source>
        <translation>Start: {entri}</translation>
    </message>
</context>
<context>
    <name>Terlambat</name>
    <message>
        <location filename="../../sopdesk/gui/markers.py" line="39"/>
        <source>terlambat {0} hari ({1})</source>
        <translation>{0} days late ({1})</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <location filename="../../sopdesk/gui/idle_lock.py" line="46"/>
        <source>sopdesk terkunci</source>
        <translation>sopdesk is locked</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/idle_lock.py" line="48"/>
        <source>Layar dikunci karena tidak ada kegiatan. Masukkan kata sandi {0} untuk melanjutkan.</source>
        <translation>The screen was locked after a period without activity. Enter the password of {0} to continue.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/idle_lock.py" line="58"/>
        <source>Buka kunci</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/idle_lock.py" line="60"/>
        <source>Keluar dari sopdesk</source>
        <translation>Quit sopdesk</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/idle_lock.py" line="61"/>
        <source>Ganti pengguna</source>
        <translation>Switch user</translation>
    </message>
</context>
<context>
    <name>VisitorTableModel</name>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="25"/>
        <source>Permohonan informasi publik</source>
        <translation>Public information request</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="26"/>
        <source>Bertamu / bertemu pejabat</source>
        <translation>Visit / meet an official</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="27"/>
        <source>Pengaduan</source>
        <translation>Complaint</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="28"/>
        <source>Konsultasi</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="29"/>
        <source>Lainnya</source>
        <translation>Other</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="50"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="51"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="52"/>
        <source>Instansi</source>
        <translation>Institution</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="53"/>
        <source>Keperluan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="55"/>
        <source>Kasus</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="58"/>
        <source>Nama / Instansi</source>
        <translation>Name / Institution</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk/visitor_model.py" line="58"/>
        <source>Keperluan / Kasus</source>
        <translation>Purpose / Case</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="244"/>
        <source>Batalkan {0}</source>
        <translation>Void {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="247"/>
        <source>{0}: {1}</source>
        <translation>{0}: {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="251"/>
        <source>Surat ini tidak dapat didisposisi lagi.</source>
        <translation>This letter can no longer be given a disposition.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="253"/>
        <source>Surat ini tidak dapat dikirim lagi; entrinya di buku ekspedisi yang belum diterima ikut dibatalkan.</source>
        <translation>This letter can no longer be sent; its dispatch book entry that has not been received is voided with it.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="256"/>
        <source>Entri ini tidak dapat ditandai diterima lagi.</source>
        <translation>This entry can no longer be marked received.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="257"/>
        <source>Nomor {0} tetap tercatat dan tidak dipakai lagi; barisnya ditandai BATAL beserta alasannya di daftar dan di cetakan. {1}</source>
        <translation>Number {0} stays on record and is not used again; the line is marked VOID in the list and BATAL on printouts, with the reason. {1}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="260"/>
        <source>mengapa baris ini dibatalkan</source>
        <translation>why this line is voided</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="262"/>
        <source>&amp;Alasan pembatalan *</source>
        <translation>&amp;Reason for voiding *</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="267"/>
        <source>Batalkan baris ini</source>
        <translation>Void this line</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="267"/>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>_Dialog</name>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="75"/>
        <source>surat masuk {0}</source>
        <translation>incoming letter {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="77"/>
        <source>surat keluar {0}</source>
        <translation>outgoing letter {0}</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/correction_dialog.py" line="78"/>
        <source>ekspedisi nomor {0}</source>
        <translation>dispatch entry {0}</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="67"/>
        <source>Pemeriksaan data</source>
        <translation>Data check</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/app.py" line="68"/>
        <source>Pemeriksaan awal menemukan masalah pada data:
{0}

Jalankan &apos;sopdesk check&apos; untuk rincian lengkap, dan pulihkan dari cadangan bila perlu (Pengaturan &gt; Cadangan).</source>
        <translation>The start-up check found problems in the data:
{0}

Run &apos;sopdesk check&apos; for the full details, and restore from a backup if needed (Settings &gt; Backups).</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../sopdesk/gui/messages.py" line="61"/>
        <source>Terjadi kesalahan internal. Rinciannya dicatat di berkas log sopdesk.</source>
        <translation>An internal error occurred. The details are recorded in the sopdesk log file.</translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/messages.py" line="46"/>
        <source>Tidak dapat dilakukan</source>
        <translation>Cannot be done</translation>
    </message>
</context>
</TS>
