<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="187"/>
        <source>Tambah pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="202"/>
        <source>Nama pengguna*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="203"/>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="204"/>
        <source>Kata sandi*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="205"/>
        <source>Peran*</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="38"/>
        <source>Kasus dimulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="39"/>
        <source>Kegiatan selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="40"/>
        <source>Dikembalikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="41"/>
        <source>Kasus dibatalkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="42"/>
        <source>Diambil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="43"/>
        <source>Dilepas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="44"/>
        <source>Dialihkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="45"/>
        <source>Draf disimpan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="46"/>
        <source>Tamu dicatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="219"/>
        <source>Kasus {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="226"/>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="226"/>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="226"/>
        <source>Tindakan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="227"/>
        <location filename="../../sopdesk/gui/cases_page.py" line="232"/>
        <source>Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="227"/>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="232"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="232"/>
        <source>Nomor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="233"/>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="233"/>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="238"/>
        <source>Buka formulir kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="240"/>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="262"/>
        <source>SOP {0} revisi {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="263"/>
        <source>Status: {0} · dimulai {1} oleh {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="266"/>
        <source>Pemohon: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="268"/>
        <source>tanpa batas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="269"/>
        <source>Menunggu kegiatan {0} ({1}), batas waktu {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="272"/>
        <source>Alasan pembatalan: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="275"/>
        <source>terpenuhi {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="277"/>
        <source>paling lambat {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="279"/>
        <source>tidak sebelum {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="281"/>
        <source>belum berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="282"/>
        <source>Tenggat: {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="296"/>
        <source>pilihan: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="298"/>
        <source>ke kegiatan {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="300"/>
        <source>kepada {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="308"/>
        <source>Riwayat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="322"/>
        <location filename="../../sopdesk/gui/cases_page.py" line="324"/>
        <source>Dokumen ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="331"/>
        <source>Diagram alir</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesModel</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="33"/>
        <source>berjalan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="34"/>
        <source>selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="35"/>
        <source>dibatalkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="52"/>
        <source>Nomor kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="53"/>
        <source>SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="54"/>
        <source>Perihal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="55"/>
        <source>Pemohon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="56"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="57"/>
        <source>Posisi sekarang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="58"/>
        <source>Dimulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="141"/>
        <source>kegiatan {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="151"/>
        <source>Cari nomor kasus, perihal atau pemohon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="154"/>
        <source>Semua SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="158"/>
        <source>Semua status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="186"/>
        <source>Lihat kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="202"/>
        <source>{0} kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/cases_page.py" line="204"/>
        <source>Belum ada kasus. Kasus dimulai dari Meja Layanan atau dari surat masuk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="109"/>
        <source>Cari kode atau nama…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="159"/>
        <location filename="../../sopdesk/gui/catalog_page.py" line="222"/>
        <source>Identitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="168"/>
        <source>Perbesar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="169"/>
        <source>Perkecil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="170"/>
        <source>Sesuaikan lebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="180"/>
        <source>Klik sebuah kegiatan untuk rinciannya · Ctrl+roda tetikus untuk memperbesar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="193"/>
        <source>Diagram alir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="209"/>
        <source>Unit dan uraian tugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="209"/>
        <source>Peran penerima disposisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="48"/>
        <location filename="../../sopdesk/gui/catalog_page.py" line="210"/>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="40"/>
        <source>Kegiatan {no}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="41"/>
        <source>peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="42"/>
        <source>Pelaksana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="43"/>
        <source>Mulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="44"/>
        <source>Menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="45"/>
        <source>Kelengkapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="46"/>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="47"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="49"/>
        <source>Keputusan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="50"/>
        <source>selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="51"/>
        <source>Rute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="219"/>
        <source>Struktur organisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="234"/>
        <source>Prosedur (SOP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="235"/>
        <source>Direktori organisasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="297"/>
        <source>Pilih sebuah SOP di daftar sebelah kiri untuk melihat identitasnya dan diagram alirnya, atau direktori organisasi untuk melihat divisi dan unit beserta tugasnya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="300"/>
        <source>Katalog belum berisi SOP. Tambahkan berkas SOP (formatnya dijelaskan di sop_catalog/FORMAT.md) ke folder {folder}, lalu buka ulang sopdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="315"/>
        <source>Klik sebuah kegiatan pada diagram untuk melihat rinciannya: pelaksana, mutu baku, keterangan dan rutenya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="325"/>
        <source>Nomor SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="326"/>
        <source>Tanggal Pembuatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="327"/>
        <source>Tanggal Revisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="328"/>
        <source>Tanggal Efektif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="329"/>
        <source>Tanggal Pengesahan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="330"/>
        <source>Disahkan oleh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="331"/>
        <source>Nama SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="332"/>
        <source>Instansi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="333"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="336"/>
        <source>Ditetapkan dengan keputusan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="337"/>
        <source>Revisi katalog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="340"/>
        <source>Dasar Hukum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="340"/>
        <source>Kualifikasi Pelaksana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="341"/>
        <source>Keterkaitan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="341"/>
        <source>Peralatan/Perlengkapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="342"/>
        <source>Peringatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="342"/>
        <source>Pencatatan dan Pendataan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="359"/>
        <source>Pelaksana disimpulkan: {alasan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="362"/>
        <source>Pelaksana tercantum pada SOP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="382"/>
        <source>ke kegiatan {no} ({pelaksana})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="399"/>
        <source>Divisi Anggota KPU ({n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="406"/>
        <source>Sekretariat ({n} unit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="412"/>
        <source>Direktori ini belum berisi divisi maupun unit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/catalog_page.py" line="430"/>
        <source>(uraian tugas tidak dicantumkan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FileSlot</name>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="89"/>
        <source>Lampirkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="91"/>
        <source>Pilih berkas (pindaian) untuk: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="95"/>
        <source>Hapus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="97"/>
        <source>Lepaskan berkas yang dilampirkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="115"/>
        <source>belum ada berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="130"/>
        <source>Pilih berkas untuk: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="131"/>
        <source>Dokumen dan pindaian (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.doc *.docx *.odt);;Semua berkas (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpDeskPage</name>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="71"/>
        <source>Permohonan informasi publik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="72"/>
        <source>Bertamu / bertemu pejabat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="73"/>
        <source>Pengaduan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="74"/>
        <source>Konsultasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="75"/>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="77"/>
        <source>Melihat / membaca / mendengarkan / mencatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="78"/>
        <source>Mendapatkan salinan informasi (hardcopy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="79"/>
        <source>Mendapatkan salinan informasi (softcopy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="81"/>
        <source>Mengambil langsung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="82"/>
        <source>Kurir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="83"/>
        <source>Pos</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="84"/>
        <source>Faksimili</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="85"/>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="235"/>
        <source>Pendaftaran tamu / pemohon informasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="244"/>
        <source>&amp;Nama *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="244"/>
        <source>Nama lengkap sesuai identitas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="245"/>
        <source>Nomor &amp;identitas (NIK)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="246"/>
        <source>NIK 16 angka, atau nomor paspor / kartu lain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="247"/>
        <source>Ins&amp;tansi/Lembaga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="248"/>
        <source>&amp;Pekerjaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="249"/>
        <source>&amp;Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="250"/>
        <source>Telepon/&amp;HP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="250"/>
        <source>contoh: 0812 3456 7890</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="251"/>
        <source>&amp;E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="251"/>
        <source>contoh: nama@contoh.id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="252"/>
        <source>&amp;Keperluan *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="252"/>
        <source>Pilih keperluan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="253"/>
        <source>&amp;Uraian keperluan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="254"/>
        <source>&amp;Rincian informasi yang dibutuhkan *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="255"/>
        <source>Tu&amp;juan penggunaan informasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="256"/>
        <source>Cara &amp;memperoleh informasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="257"/>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="259"/>
        <source>— belum dipilih —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="258"/>
        <source>Cara mendapatkan &amp;salinan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="264"/>
        <source>Simpan (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="267"/>
        <source>K&amp;osongkan formulir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="283"/>
        <source>* wajib diisi. Enter menyimpan (Ctrl+Enter di kolom uraian); saat mengetik nama atau NIK, tamu lama ditawarkan: ↓ memilih, Enter mengisi, Esc menutup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="382"/>
        <source>&amp;Cari:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="385"/>
        <source>nama, instansi, NIK, telepon atau nomor kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="388"/>
        <source>Rentan&amp;g:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="391"/>
        <source>Hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="391"/>
        <source>7 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="392"/>
        <source>30 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="392"/>
        <source>Semua</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="519"/>
        <source>Tamu belum tercatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="520"/>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="536"/>
        <source>Tamu tidak dapat dicatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="523"/>
        <source>Tamu {name} tercatat; kasus {case} dimulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="525"/>
        <source>Tamu {name} tercatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="540"/>
        <source>Pilih salah satu dari daftar (ketik huruf awalnya atau tekan ↓).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="542"/>
        <source>Tamu belum tercatat: perbaiki isian yang ditandai merah.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="657"/>
        <source>NIK {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="675"/>
        <source>Data tamu lama diisikan: periksa, lalu pilih keperluan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="710"/>
        <source>Tamu hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="710"/>
        <source>Tamu 7 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="711"/>
        <source>Tamu 30 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="711"/>
        <source>Semua tamu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="718"/>
        <source>Tidak ada tamu yang cocok dengan “{text}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="720"/>
        <source>Belum ada tamu hari ini</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="721"/>
        <source>Belum ada tamu dalam 7 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="722"/>
        <source>Belum ada tamu dalam 30 hari terakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="723"/>
        <source>Belum ada tamu tercatat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="726"/>
        <source>Menampilkan {limit} tamu terbaru; persempit dengan pencarian.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxModel</name>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="24"/>
        <source>Nomor kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="25"/>
        <source>SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="26"/>
        <source>Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="27"/>
        <source>Sejak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="28"/>
        <source>Batas waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="29"/>
        <source>Sisa waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="30"/>
        <source>Petugas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="31"/>
        <source>Perihal / pemohon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="146"/>
        <source>tanpa batas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="156"/>
        <source>tanpa standar waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="159"/>
        <source>terlambat {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_model.py" line="162"/>
        <location filename="../../sopdesk/gui/inbox_model.py" line="163"/>
        <source>sisa {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="37"/>
        <source>Semua SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="40"/>
        <source>Hanya milik saya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="41"/>
        <source>Hanya yang terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="43"/>
        <source>Cari nomor kasus, perihal atau pemohon…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="81"/>
        <source>Buka formulir (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="82"/>
        <source>Ambil</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="83"/>
        <source>Lepas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="84"/>
        <source>Alihkan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="115"/>
        <source>{0} pekerjaan ditampilkan dari {1} untuk peran {2} · {3} terlambat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="120"/>
        <source>Tidak ada pekerjaan yang cocok dengan saringan ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="121"/>
        <source>Tidak ada pekerjaan yang menunggu untuk peran {0}. Pekerjaan baru muncul di sini ketika sebuah kasus sampai pada kegiatan peran ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="161"/>
        <source>Belum ada pengguna aktif dengan peran {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="164"/>
        <source>Alihkan kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/inbox_page.py" line="165"/>
        <source>Alihkan {0} kepada:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="133"/>
        <source>Masuk — sopdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="142"/>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="143"/>
        <source>Kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="146"/>
        <source>Masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="148"/>
        <source>Keluar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="40"/>
        <source>Kotak Masuk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="40"/>
        <source>Meja Layanan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="40"/>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="40"/>
        <source>Katalog SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="41"/>
        <source>Pengaturan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="53"/>
        <source>Ganti peran (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="56"/>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="58"/>
        <source>Peran: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="128"/>
        <source>{0} ({1} menunggu, {2} terlambat)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="129"/>
        <source>{0} ({1} menunggu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="134"/>
        <source>Kotak Masuk ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="141"/>
        <source>sopdesk {0} — {1} — {2} sebagai {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/main_window.py" line="143"/>
        <source>Pengguna: {0} · Peran: {1} · Basis data: {2}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="167"/>
        <source>Kembalikan ke kegiatan sebelumnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="169"/>
        <source>Kasus akan dikembalikan ke kegiatan yang dipilih; pelaksananya mengerjakannya lagi. Alasan pengembalian dicatat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="176"/>
        <source>Kegiatan {no}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="182"/>
        <source>Kembali ke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="184"/>
        <source>Mengapa kegiatan ini dikembalikan?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="187"/>
        <source>Alasan (wajib)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="192"/>
        <source>Kembalikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="193"/>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="207"/>
        <source>Pilih kegiatan tujuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="209"/>
        <source>Alasan pengembalian wajib diisi.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="48"/>
        <source>Pengelolaan pengguna hanya untuk administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="55"/>
        <source>Bahasa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="69"/>
        <source>Bahasa baru dipakai setelah sopdesk dibuka ulang.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="73"/>
        <source>Profil kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="77"/>
        <source>Nama kantor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="78"/>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="79"/>
        <source>Zona waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="80"/>
        <source>Logo kop surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="80"/>
        <source>belum ada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="81"/>
        <source>Basis data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="82"/>
        <source>Folder data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="87"/>
        <source>Pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="89"/>
        <source>Nama pengguna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="89"/>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="89"/>
        <source>Peran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="90"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="95"/>
        <source>Tambah pengguna…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="96"/>
        <source>Aktifkan / nonaktifkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="97"/>
        <source>Atur ulang kata sandi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="114"/>
        <location filename="../../sopdesk/gui/settings_page.py" line="134"/>
        <source>aktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="114"/>
        <source>nonaktif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="143"/>
        <source>Atur ulang kata sandi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="144"/>
        <source>Kata sandi baru untuk {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="149"/>
        <source>Kata sandi {0} diganti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="153"/>
        <source>Data contoh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="154"/>
        <source>Isi 500 kasus contoh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="156"/>
        <source>Hanya untuk basis data latihan (kantor demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/settings_page.py" line="166"/>
        <source>Sedang membuat data contoh…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="43"/>
        <source>Penyiapan sopdesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="44"/>
        <source>Selamat datang. Isi profil kantor dan buat akun administrator. Langkah ini hanya sekali.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="48"/>
        <source>mis. KPU Kota Kupang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="51"/>
        <source>WIB (UTC+7)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="51"/>
        <source>WITA (UTC+8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="52"/>
        <source>WIT (UTC+9)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="56"/>
        <source>Pilih logo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="68"/>
        <source>Nama kantor*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="69"/>
        <source>Alamat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="70"/>
        <source>Zona waktu*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="71"/>
        <location filename="../../sopdesk/gui/login.py" line="90"/>
        <source>Logo kop surat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="72"/>
        <source>Nama pengguna admin*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="73"/>
        <source>Nama lengkap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="74"/>
        <source>Kata sandi*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="75"/>
        <source>Ulangi kata sandi*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="78"/>
        <source>Siapkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="79"/>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="91"/>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="97"/>
        <source>Kedua kata sandi tidak sama.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/login.py" line="118"/>
        <source>Logo tidak dapat disalin: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepFormDialog</name>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="241"/>
        <source>Kasus {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="243"/>
        <source>Kegiatan {no} — {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="295"/>
        <source>Pemohon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="296"/>
        <source>{kode} — {nama} (revisi {revisi})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="298"/>
        <source>SOP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="303"/>
        <source>sudah selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="303"/>
        <source>dibatalkan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="305"/>
        <source>Kasus ini {state}; tidak ada kegiatan yang menunggu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="312"/>
        <source>Kegiatan yang menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="314"/>
        <source>Kegiatan {no}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="322"/>
        <source>Pelaksana:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="322"/>
        <source>{lane} (peran {role})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="324"/>
        <source>{waktu} (tanpa standar waktu)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="326"/>
        <source>Waktu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="328"/>
        <source>Masuk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="334"/>
        <source>tidak ada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="336"/>
        <source>{when} — {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="340"/>
        <source>{when} (sisa {left})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="342"/>
        <source>Batas waktu:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="344"/>
        <source>{when} — menyelesaikan lebih awal dicatat sebagai peringatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="348"/>
        <source>Masa tunggu sampai:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="350"/>
        <source>Dikerjakan oleh:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="352"/>
        <source>Keterangan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="355"/>
        <source>Anda tidak memegang peran {role}; kegiatan ini dikerjakan oleh pemegang peran tersebut.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="362"/>
        <source>Tenggat kasus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="372"/>
        <source>kasus dimulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="373"/>
        <source>kegiatan {no} selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="374"/>
        <source>belum berjalan (dihitung sejak {anchor}; {waktu})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="378"/>
        <source>tidak sebelum {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="380"/>
        <source> — masa tunggu sudah berakhir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="382"/>
        <source>paling lambat {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="384"/>
        <source> — terpenuhi {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="387"/>
        <source> — terlambat {late}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="389"/>
        <source>{name}: {state}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="395"/>
        <source>Kelengkapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="398"/>
        <source>Tidak ada kelengkapan untuk kegiatan ini.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="402"/>
        <source>Centang yang tersedia; lampirkan pindaiannya bila ada.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="421"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="424"/>
        <source>Kegiatan ini tidak menghasilkan dokumen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="436"/>
        <source>{index}. {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="441"/>
        <source>mis. 123/PP.01-SD/5371/2026</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="443"/>
        <source>Nomor dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="445"/>
        <source>Tanggal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="447"/>
        <source>Centang untuk mengisi tanggal dokumen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="453"/>
        <source>kosong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="466"/>
        <source>Berkas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="481"/>
        <source>Keputusan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="493"/>
        <source>→ kasus selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="495"/>
        <source>→ lanjut ke kegiatan {no}: {text}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="506"/>
        <source>Menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="508"/>
        <source>Menunggu: {event} — catat peristiwanya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="512"/>
        <source>Kegiatan ini selesai ketika peristiwa yang ditunggu terjadi: tulis di Catatan apa yang terjadi dan kapan, atau isi Output-nya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="518"/>
        <source>Catatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="524"/>
        <source>Catatan untuk kegiatan ini (boleh kosong)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="526"/>
        <source>Peristiwa yang ditunggu: apa, kapan, nomor putusan …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="535"/>
        <source>Kembalikan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="536"/>
        <source>Simpan draf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="537"/>
        <source>Batal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="537"/>
        <source>Tutup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="538"/>
        <source>Selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="541"/>
        <source>Kembalikan kasus ke kegiatan yang sudah dilalui, dengan alasan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="542"/>
        <source>Simpan isian untuk dilanjutkan nanti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="543"/>
        <source>Selesaikan kegiatan ini dan teruskan kasus (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="563"/>
        <source>Belum ada kegiatan yang dilalui untuk tujuan pengembalian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="600"/>
        <source>Draf yang tersimpan dipulihkan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="614"/>
        <source>Pilih salah satu jawaban: {labels}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="620"/>
        <source>Catat peristiwa yang ditunggu ({event}) di Catatan, atau isi Output-nya.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="640"/>
        <source>Kegiatan diselesaikan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="641"/>
        <source>Kegiatan diselesaikan dengan catatan:
{warnings}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/step_form.py" line="650"/>
        <source>Draf disimpan pukul {time} {zone}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SwimlaneView</name>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="103"/>
        <source>Diagram alir SOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="149"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="149"/>
        <source>Kegiatan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="149"/>
        <source>Pelaksana</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="150"/>
        <source>Mutu Baku</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="150"/>
        <source>Kelengkapan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="150"/>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="151"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="151"/>
        <source>Keterangan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="154"/>
        <source>Simbol: kapsul = mulai/selesai, persegi = kegiatan, belah ketupat = keputusan. Garis putus-putus di sekeliling simbol: pelaksana disimpulkan (arahkan kursor ke simbol untuk alasannya). ✓ = sudah selesai, ▶ = sedang dikerjakan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="63"/>
        <source>Pelaksana disimpulkan: {alasan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="60"/>
        <source>Kegiatan {no} — {pelaksana}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="65"/>
        <source>menunggu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="61"/>
        <source>Mulai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="64"/>
        <source>Selesai</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/swimlane.py" line="62"/>
        <source>Mulai: {entri}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VisitorTableModel</name>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="65"/>
        <source>Permohonan informasi publik</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="66"/>
        <source>Bertamu / bertemu pejabat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="67"/>
        <source>Pengaduan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="68"/>
        <source>Konsultasi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="69"/>
        <source>Lainnya</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="129"/>
        <source>Waktu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="129"/>
        <source>Nama</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="129"/>
        <source>Instansi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="129"/>
        <source>Keperluan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/helpdesk_page.py" line="130"/>
        <source>Kasus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <location filename="../../sopdesk/gui/messages.py" line="23"/>
        <source>Terjadi kesalahan internal. Rinciannya dicatat di berkas log sopdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../sopdesk/gui/messages.py" line="25"/>
        <source>Tidak dapat dilakukan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
