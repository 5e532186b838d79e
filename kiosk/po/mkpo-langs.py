#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 The kakanai authors
# SPDX-License-Identifier: MIT
# Generates kiosk/po/{zh,ko,vi,fil,pt_BR,ne,id}.po from the table below (run by hand when
# strings change; tests/kiosk/run-po-check.sh fails when a catalogue misses a msgid).
# One row per msgid, the seven languages side by side so a reviewer compares them.
# Style: plain, polite public-service language (the register of a city hall's multilingual
# leaflets): short sentences, the resident addressed politely, no idioms; Japanese terms a
# resident meets on paper (暗証番号, 照合番号B, 住民票) kept beside the translation.
import os

LANGS = ['zh', 'ko', 'vi', 'fil', 'pt_BR', 'ne', 'id']
META = {
    'zh': ('Chinese (Simplified)', 'nplurals=1; plural=0;'),
    'ko': ('Korean', 'nplurals=1; plural=0;'),
    'vi': ('Vietnamese', 'nplurals=1; plural=0;'),
    'fil': ('Filipino', 'nplurals=2; plural=(n != 1 && n != 2 && n != 3 && (n % 10 == 4 || n % 10 == 6 || n % 10 == 9));'),
    'pt_BR': ('Portuguese (Brazil)', 'nplurals=2; plural=(n > 1);'),
    'ne': ('Nepali', 'nplurals=2; plural=(n != 1);'),
    'id': ('Indonesian', 'nplurals=1; plural=0;'),
}
REVIEW = 'machine-assisted draft, needs native review'

# msgid: (zh, ko, vi, fil, pt_BR, ne, id); a tuple key is (singular, plural) and each cell is
# then a list of the language's plural forms.
T = {
# the counter's resident window (the staff's window is Japanese: staff read it)
"kakanai: for the resident": ("kakanai：居民用画面", "kakanai: 주민용 화면", "kakanai: màn hình cho người dân", "kakanai: para sa residente", "kakanai: para o morador", "kakanai: बासिन्दाका लागि", "kakanai: untuk warga"),
"Welcome. The staff will guide you.": ("欢迎。工作人员会为您说明。", "어서 오세요. 직원이 안내해 드립니다.", "Xin chào. Nhân viên sẽ hướng dẫn quý vị.", "Maligayang pagdating. Gagabayan kayo ng kawani.", "Bem-vindo. A equipe vai orientar você.", "स्वागत छ। कर्मचारीले तपाईंलाई मार्गदर्शन गर्नुहुनेछ।", "Selamat datang. Petugas akan memandu Anda."),
"Please put your My Number card on the reader.": ("请把个人编号卡（マイナンバーカード）放在读卡器上。", "마이넘버 카드(マイナンバーカード)를 리더기 위에 올려 주세요.", "Xin đặt thẻ My Number (マイナンバーカード) lên đầu đọc.", "Pakilagay ang inyong My Number card (マイナンバーカード) sa reader.", "Coloque o seu cartão My Number (マイナンバーカード) no leitor.", "कृपया आफ्नो माइ नम्बर कार्ड (マイナンバーカード) रिडरमा राख्नुहोस्।", "Silakan letakkan kartu My Number (マイナンバーカード) Anda di pembaca."),
"Reading your card… Please leave it on the reader.": ("正在读取您的卡…请不要拿开。", "카드를 읽고 있습니다… 리더기에서 떼지 마세요.", "Đang đọc thẻ… Xin để yên thẻ trên đầu đọc.", "Binabasa ang inyong card… Pakiiwan ito sa reader.", "Lendo o seu cartão… Deixe-o no leitor.", "कार्ड पढ्दैछ… कृपया रिडरमै राख्नुहोस्।", "Sedang membaca kartu… Biarkan tetap di pembaca."),
"Thank you. Please take your card back.": ("谢谢。请取回您的卡。", "감사합니다. 카드를 가져가 주세요.", "Xin cảm ơn. Xin lấy lại thẻ của quý vị.", "Salamat po. Pakikuha na ang inyong card.", "Obrigado. Pegue o seu cartão de volta.", "धन्यवाद। कृपया आफ्नो कार्ड फिर्ता लिनुहोस्।", "Terima kasih. Silakan ambil kembali kartu Anda."),
"Thank you. Please sign the forms the staff hands you.": ("谢谢。请在工作人员交给您的表格上签名。", "감사합니다. 직원이 드리는 서류에 서명해 주세요.", "Xin cảm ơn. Xin ký vào các mẫu đơn nhân viên đưa cho quý vị.", "Salamat po. Pakipirmahan ang mga form na iaabot ng kawani.", "Obrigado. Assine os formulários que a equipe entregar a você.", "धन्यवाद। कर्मचारीले दिएका फारमहरूमा हस्ताक्षर गर्नुहोस्।", "Terima kasih. Silakan tanda tangani formulir yang diberikan petugas."),
"For the counter — cannot be printed: ": ("窗口工作人员请注意 — 无法打印的文字：", "창구 직원용 — 인쇄할 수 없는 문자: ", "Dành cho quầy — không in được: ", "Para sa counter — hindi maipi-print: ", "Para o balcão — não pode ser impresso: ", "काउन्टरका लागि — छाप्न नसकिने: ", "Untuk loket — tidak dapat dicetak: "),
"Test page sent.": ("测试页已发送。", "테스트 페이지를 보냈습니다.", "Đã gửi trang thử.", "Naipadala na ang test page.", "Página de teste enviada.", "परीक्षण पाना पठाइयो।", "Halaman uji telah dikirim."),
"Yes": ("是", "예", "Có", "Oo", "Sim", "हो", "Ya"),
"No": ("否", "아니요", "Không", "Hindi", "Não", "होइन", "Tidak"),
", ": ("、", ", ", ", ", ", ", ", ", ", ", ", "),
"(none)": ("（无）", "(없음)", "(không có)", "(wala)", "(nenhum)", "(छैन)", "(tidak ada)"),
"Form": ("表格", "서류", "Mẫu đơn", "Form", "Formulário", "फारम", "Formulir"),
"Name": ("姓名", "성명", "Họ tên", "Pangalan", "Nome", "नाम", "Nama"),
"Address": ("住址", "주소", "Địa chỉ", "Tirahan", "Endereço", "ठेगाना", "Alamat"),
"Date of birth": ("出生日期", "생년월일", "Ngày sinh", "Petsa ng kapanganakan", "Data de nascimento", "जन्म मिति", "Tanggal lahir"),
"◀ Back": ("◀ 返回", "◀ 뒤로", "◀ Quay lại", "◀ Bumalik", "◀ Voltar", "◀ पछाडि", "◀ Kembali"),
"◀ Stop": ("◀ 停止", "◀ 그만두기", "◀ Dừng lại", "◀ Itigil", "◀ Parar", "◀ रोक्नुहोस्", "◀ Berhenti"),
"Your data is erased as soon as you finish.": ("办理结束后，您的信息会立即删除。", "끝나면 입력하신 정보는 바로 삭제됩니다.", "Khi xong, thông tin của quý vị sẽ được xóa ngay.", "Buburahin agad ang iyong datos pagkatapos mo.", "Seus dados são apagados assim que terminar.", "काम सकिनेबित्तिकै तपाईंको विवरण मेटाइन्छ।", "Data Anda dihapus segera setelah selesai."),
"Reading your card…": ("正在读取您的卡…", "카드를 읽고 있습니다…", "Đang đọc thẻ của quý vị…", "Binabasa ang iyong card…", "Lendo o seu cartão…", "तपाईंको कार्ड पढ्दैछ…", "Sedang membaca kartu Anda…"),
"Please do not take the card yet.": ("请先不要取走卡。", "아직 카드를 빼지 마십시오.", "Xin đừng lấy thẻ ra lúc này.", "Huwag mo munang kunin ang card.", "Por favor, ainda não retire o cartão.", "कृपया अहिले कार्ड ननिकाल्नुहोस्।", "Mohon jangan ambil kartu dulu."),
"We had to stop": ("手续已中止", "절차를 중단했습니다", "Thủ tục đã phải dừng lại", "Kinailangan naming huminto", "Tivemos que parar", "बीचमै रोकिनुपर्‍यो", "Proses terpaksa dihentikan"),
"Please go to counter %d.": ("请到%d号窗口办理。", "%d번 창구로 가 주십시오.", "Xin mời đến quầy số %d.", "Pumunta po sa counter %d.", "Por favor, dirija-se ao balcão %d.", "कृपया काउन्टर नम्बर %d मा जानुहोस्।", "Silakan menuju loket %d."),
"Please go to the counter.": ("请到窗口办理。", "창구로 가 주십시오.", "Xin mời đến quầy.", "Pumunta po sa counter.", "Por favor, dirija-se ao balcão.", "कृपया काउन्टरमा जानुहोस्।", "Silakan menuju loket."),
"Reader: virtual card (demo)": ("读卡器：虚拟卡（演示）", "리더기: 가상 카드 (데모)", "Đầu đọc: thẻ ảo (thử nghiệm)", "Reader: virtual card (demo)", "Leitor: cartão virtual (demonstração)", "रिडर: भर्चुअल कार्ड (डेमो)", "Pembaca: kartu virtual (demo)"),
"Reader": ("读卡器", "카드 리더기", "Đầu đọc thẻ", "Card reader", "Leitor de cartão", "कार्ड रिडर", "Pembaca kartu"),
"none connected": ("未连接", "연결되지 않음", "chưa kết nối", "walang nakakonekta", "nenhum conectado", "जोडिएको छैन", "tidak terhubung"),
"Printer": ("打印机", "프린터", "Máy in", "Printer", "Impressora", "प्रिन्टर", "Printer"),
"All templates loaded without problems.": ("所有表格模板均已正常载入。", "모든 서식을 문제없이 불러왔습니다.", "Đã tải tất cả mẫu đơn, không có lỗi.", "Na-load ang lahat ng template nang walang problema.", "Todos os modelos foram carregados sem problemas.", "सबै टेम्प्लेट समस्या बिना लोड भए।", "Semua templat dimuat tanpa masalah."),
"Please check your answer.": ("请再确认一下您的回答。", "답변을 다시 확인해 주십시오.", "Xin kiểm tra lại câu trả lời.", "Pakisuri po ang iyong sagot.", "Por favor, verifique a sua resposta.", "कृपया आफ्नो उत्तर जाँच गर्नुहोस्।", "Mohon periksa kembali jawaban Anda."),
"Settings apply until the kiosk restarts, but could not be saved: the configuration is read-only here. Change kiosk.conf in the municipality's configuration tree instead.": ("设置在重新启动前有效，但无法保存：本机的配置为只读。请在市区町村的配置管理处修改 kiosk.conf。", "설정은 재시작할 때까지 적용되지만 저장할 수 없습니다: 이 기기의 설정은 읽기 전용입니다. 지자체의 설정 관리 위치에서 kiosk.conf를 변경해 주십시오.", "Cài đặt có hiệu lực đến khi khởi động lại, nhưng không lưu được: cấu hình ở đây chỉ đọc. Hãy sửa kiosk.conf tại nơi quản lý cấu hình của địa phương.", "Gagana ang settings hanggang mag-restart ang kiosk, pero hindi ito na-save: read-only ang configuration dito. Palitan ang kiosk.conf sa configuration tree ng munisipyo.", "As configurações valem até o quiosque reiniciar, mas não puderam ser salvas: a configuração aqui é somente leitura. Altere o kiosk.conf na árvore de configuração do município.", "सेटिङ पुनः सुरु नहुँदासम्म लागू हुन्छ, तर सेभ गर्न सकिएन: यहाँको कन्फिगरेसन पढ्न मात्र मिल्छ। नगरपालिकाको कन्फिगरेसनमा kiosk.conf परिवर्तन गर्नुहोस्।", "Pengaturan berlaku sampai kios dinyalakan ulang, tetapi tidak dapat disimpan: konfigurasi di sini hanya-baca. Ubah kiosk.conf di tempat konfigurasi pemerintah kota."),
"Settings saved.": ("设置已保存。", "설정을 저장했습니다.", "Đã lưu cài đặt.", "Na-save ang settings.", "Configurações salvas.", "सेटिङ सेभ भयो।", "Pengaturan disimpan."),
"Printing a test page…": ("正在打印测试页…", "테스트 페이지를 인쇄하고 있습니다…", "Đang in trang thử…", "Nagpi-print ng test page…", "Imprimindo uma página de teste…", "परीक्षण पाना छाप्दैछ…", "Sedang mencetak halaman uji…"),
"No template: nothing to print.": ("没有表格模板：无可打印内容。", "서식이 없어 인쇄할 것이 없습니다.", "Không có mẫu đơn: không có gì để in.", "Walang template: walang maipi-print.", "Nenhum modelo: nada para imprimir.", "टेम्प्लेट छैन: छाप्ने केही छैन।", "Tidak ada templat: tidak ada yang dicetak."),
("Touch the screen to continue: %d second left", "Touch the screen to continue: %d seconds left"): (["如需继续，请触摸屏幕（剩余 %d 秒）"], ["계속하시려면 화면을 눌러 주십시오 (남은 시간 %d초)"], ["Để tiếp tục, xin chạm vào màn hình (còn %d giây)"], ["Pindutin ang screen para magpatuloy: %d segundo na lang", "Pindutin ang screen para magpatuloy: %d segundo na lang"], ["Toque na tela para continuar: falta %d segundo", "Toque na tela para continuar: faltam %d segundos"], ["जारी राख्न स्क्रिन छुनुहोस्: %d सेकेन्ड बाँकी", "जारी राख्न स्क्रिन छुनुहोस्: %d सेकेन्ड बाँकी"], ["Sentuh layar untuk melanjutkan: sisa %d detik"]),
"City Hall — forms without writing": ("市政府 — 免填写窗口", "시청 — 쓰지 않는 창구", "Tòa thị chính — làm giấy tờ không cần viết", "City Hall — mga form nang hindi nagsusulat", "Prefeitura — formulários sem escrever", "नगरपालिका — नलेखी फारम", "Balai Kota — formulir tanpa menulis"),
"Staff": ("工作人员", "직원", "Nhân viên", "Kawani", "Funcionário", "कर्मचारी", "Petugas"),
"Looking for the card reader…": ("正在查找读卡器…", "카드 리더기를 찾고 있습니다…", "Đang tìm đầu đọc thẻ…", "Hinahanap ang card reader…", "Procurando o leitor de cartão…", "कार्ड रिडर खोज्दैछ…", "Mencari pembaca kartu…"),
"The card reader is not connected. Please call a staff member.": ("读卡器未连接。请叫工作人员。", "카드 리더기가 연결되어 있지 않습니다. 직원을 불러 주십시오.", "Đầu đọc thẻ chưa được kết nối. Xin gọi nhân viên.", "Hindi nakakonekta ang card reader. Pakitawag po ang kawani.", "O leitor de cartão não está conectado. Por favor, chame um funcionário.", "कार्ड रिडर जोडिएको छैन। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Pembaca kartu tidak terhubung. Silakan panggil petugas."),
"Waiting for your card.": ("正在等待您放卡。", "카드를 기다리고 있습니다.", "Đang chờ thẻ của quý vị.", "Hinihintay ang iyong card.", "Aguardando o seu cartão.", "तपाईंको कार्ड पर्खँदैछ।", "Menunggu kartu Anda."),
"Reading your card. Please do not take it yet.": ("正在读取您的卡。请先不要取走。", "카드를 읽고 있습니다. 아직 빼지 마십시오.", "Đang đọc thẻ. Xin đừng lấy ra lúc này.", "Binabasa ang iyong card. Huwag mo muna itong kunin.", "Lendo o seu cartão. Por favor, ainda não o retire.", "तपाईंको कार्ड पढ्दैछ। कृपया अहिले ननिकाल्नुहोस्।", "Sedang membaca kartu Anda. Mohon jangan diambil dulu."),
"The card cannot be read. Please turn it over, photo side up, and put it back.": ("无法读取卡。请将有照片的一面朝上重新放好。", "카드를 읽을 수 없습니다. 사진이 있는 면을 위로 하여 다시 올려 주십시오.", "Không đọc được thẻ. Xin lật lại, mặt có ảnh lên trên, rồi đặt lại.", "Hindi mabasa ang card. Pakibaligtad, nakaharap sa itaas ang may larawan, at ibalik.", "Não é possível ler o cartão. Vire-o com a foto para cima e coloque-o de novo.", "कार्ड पढ्न सकिएन। फोटो भएको भाग माथि पारेर फेरि राख्नुहोस्।", "Kartu tidak dapat dibaca. Balikkan dengan sisi foto di atas, lalu letakkan lagi."),
"Demo: take the card off the reader": ("演示：从读卡器上取下卡", "데모: 리더기에서 카드 빼기", "Thử nghiệm: lấy thẻ ra khỏi đầu đọc", "Demo: kunin ang card sa reader", "Demonstração: retirar o cartão do leitor", "डेमो: रिडरबाट कार्ड निकाल्ने", "Demo: ambil kartu dari pembaca"),
"Demo: put the card on the reader": ("演示：把卡放到读卡器上", "데모: 리더기에 카드 올리기", "Thử nghiệm: đặt thẻ lên đầu đọc", "Demo: ilagay ang card sa reader", "Demonstração: colocar o cartão no leitor", "डेमो: रिडरमा कार्ड राख्ने", "Demo: letakkan kartu di pembaca"),
"Page %d of %d": ("第 %d 页，共 %d 页", "%d / %d 페이지", "Trang %d / %d", "Pahina %d ng %d", "Página %d de %d", "पाना %d / %d", "Halaman %d dari %d"),
"Change": ("修改", "고치기", "Sửa", "Baguhin", "Alterar", "बदल्नुहोस्", "Ubah"),
"Please take the form to counter %d.": ("请将打印好的表格交到%d号窗口。", "인쇄한 서류를 %d번 창구로 가져가 주십시오.", "Xin mang giấy đã in đến quầy số %d.", "Pakidala po ang form sa counter %d.", "Por favor, leve o formulário ao balcão %d.", "कृपया फारम काउन्टर नम्बर %d मा लैजानुहोस्।", "Silakan bawa formulir ke loket %d."),
"Please take the form to the counter.": ("请将打印好的表格交到窗口。", "인쇄한 서류를 창구로 가져가 주십시오.", "Xin mang giấy đã in đến quầy.", "Pakidala po ang form sa counter.", "Por favor, leve o formulário ao balcão.", "कृपया फारम काउन्टरमा लैजानुहोस्।", "Silakan bawa formulir ke loket."),
"Clear": ("全部清除", "전체삭제", "Xóa hết", "Burahin lahat", "Apagar tudo", "सबै मेटाउनुहोस्", "Hapus semua"),
"⌫ Delete": ("⌫ 删除一位", "⌫ 지우기", "⌫ Xóa một số", "⌫ Burahin", "⌫ Apagar", "⌫ मेटाउनुहोस्", "⌫ Hapus"),
"Staff: enter 照合番号B (birth date YYMMDD, expiry year, security code)": ("工作人员：输入照合番号B（出生日期6位、有效期年份4位、安全码4位）", "직원: 照合番号B 입력 (생년월일 6자리, 유효기간 연도 4자리, 보안 코드 4자리)", "Nhân viên: nhập 照合番号B (ngày sinh YYMMDD, năm hết hạn, mã bảo mật)", "Kawani: ilagay ang 照合番号B (kaarawan YYMMDD, taon ng expiry, security code)", "Funcionário: digite o 照合番号B (nascimento AAMMDD, ano de validade, código de segurança)", "कर्मचारी: 照合番号B लेख्नुहोस् (जन्म मिति YYMMDD, म्याद सकिने वर्ष, सुरक्षा कोड)", "Petugas: masukkan 照合番号B (tanggal lahir YYMMDD, tahun kedaluwarsa, kode keamanan)"),
"Please enter your 4-digit PIN (暗証番号)": ("请输入4位数密码（暗証番号）", "4자리 비밀번호(暗証番号)를 입력해 주십시오", "Xin nhập mã PIN 4 chữ số (暗証番号)", "Pakilagay ang 4-digit na PIN (暗証番号)", "Digite o seu PIN de 4 dígitos (暗証番号)", "कृपया ४ अङ्कको PIN (暗証番号) लेख्नुहोस्", "Silakan masukkan PIN 4 digit (暗証番号)"),
("You can try %d more time.", "You can try %d more times."): (["还可以输入 %d 次。"], ["앞으로 %d번 입력할 수 있습니다."], ["Quý vị còn có thể thử %d lần."], ["Maaari ka pang sumubok nang %d beses.", "Maaari ka pang sumubok nang %d beses."], ["Você ainda pode tentar %d vez.", "Você ainda pode tentar %d vezes."], ["तपाईं अझै %d पटक प्रयास गर्न सक्नुहुन्छ।", "तपाईं अझै %d पटक प्रयास गर्न सक्नुहुन्छ।"], ["Anda masih dapat mencoba %d kali lagi."]),
"Careful: this is the last try. If it is wrong, the card is locked and must be unlocked at the counter.": ("请注意：这是最后一次。如果输错，卡将被锁定，需要到窗口办理解锁。", "주의: 이번이 마지막 기회입니다. 틀리면 카드가 잠기며 창구에서 잠금을 해제해야 합니다.", "Lưu ý: đây là lần thử cuối. Nếu sai, thẻ sẽ bị khóa và phải mở khóa tại quầy.", "Mag-ingat: ito na ang huling subok. Kapag mali, mala-lock ang card at kailangang i-unlock sa counter.", "Atenção: esta é a última tentativa. Se errar, o cartão será bloqueado e só poderá ser desbloqueado no balcão.", "ध्यान दिनुहोस्: यो अन्तिम प्रयास हो। गलत भए कार्ड लक हुन्छ र काउन्टरमा मात्र खोल्न सकिन्छ।", "Perhatian: ini percobaan terakhir. Jika salah, kartu akan terkunci dan harus dibuka di loket."),
"Sending your form to the printer…": ("正在发送到打印机…", "프린터로 보내고 있습니다…", "Đang gửi giấy tờ đến máy in…", "Ipinapadala ang form sa printer…", "Enviando o formulário para a impressora…", "फारम प्रिन्टरमा पठाउँदैछ…", "Mengirim formulir ke printer…"),
"Waiting for the printer…": ("正在等待打印机…", "프린터를 기다리고 있습니다…", "Đang chờ máy in…", "Hinihintay ang printer…", "Aguardando a impressora…", "प्रिन्टर पर्खँदैछ…", "Menunggu printer…"),
"Printing…": ("正在打印…", "인쇄하고 있습니다…", "Đang in…", "Nagpi-print…", "Imprimindo…", "छाप्दैछ…", "Sedang mencetak…"),
"Printed.": ("已打印。", "인쇄했습니다.", "Đã in xong.", "Na-print na.", "Impresso.", "छापियो।", "Sudah dicetak."),
"The form could not be printed": ("表格未能打印", "인쇄하지 못했습니다", "Không in được giấy tờ", "Hindi ma-print ang form", "Não foi possível imprimir o formulário", "फारम छाप्न सकिएन", "Formulir tidak dapat dicetak"),
"Printing your form": ("正在打印您的表格", "서류를 인쇄하고 있습니다", "Đang in giấy tờ của quý vị", "Pini-print ang iyong form", "Imprimindo o seu formulário", "तपाईंको फारम छाप्दैछ", "Mencetak formulir Anda"),
"123 digits": ("123 数字", "123 숫자", "123 số", "123 numero", "123 números", "१२३ अङ्क", "123 angka"),
"あ kana": ("あ 假名", "あ 가나", "あ kana", "あ kana", "あ kana", "あ काना", "あ kana"),
"゛ voiced": ("゛ 浊音", "゛ 탁음", "゛ âm đục", "゛ voiced", "゛ sonora", "゛ घोष", "゛ bersuara"),
"゜ p-sound": ("゜ 半浊音", "゜ 반탁음", "゜ âm p", "゜ tunog p", "゜ som de p", "゜ प ध्वनि", "゜ bunyi p"),
"small ァ": ("小写 ァ", "작은 ァ", "ァ nhỏ", "ァ maliit", "ァ pequeno", "सानो ァ", "ァ kecil"),
"space": ("空格", "빈칸", "dấu cách", "espasyo", "espaço", "खाली ठाउँ", "spasi"),
"⌫ delete": ("⌫ 删除一字", "⌫ 지우기", "⌫ xóa", "⌫ burahin", "⌫ apagar", "⌫ मेटाउने", "⌫ hapus"),
"Next ▶": ("下一步 ▶", "다음 ▶", "Tiếp theo ▶", "Susunod ▶", "Próximo ▶", "अर्को ▶", "Berikutnya ▶"),
"Question %d of %d": ("问题 %d / %d", "질문 %d / %d", "Câu hỏi %d / %d", "Tanong %d ng %d", "Pergunta %d de %d", "प्रश्न %d / %d", "Pertanyaan %d dari %d"),
"Year": ("年", "년", "Năm", "Taon", "Ano", "वर्ष", "Tahun"),
"Month": ("月", "월", "Tháng", "Buwan", "Mês", "महिना", "Bulan"),
"Day": ("日", "일", "Ngày", "Araw", "Dia", "दिन", "Hari"),
"No staff passcode is set in kiosk.conf (passcode-hash).": ("kiosk.conf 中未设置工作人员密码（passcode-hash）。", "kiosk.conf에 직원용 비밀번호(passcode-hash)가 설정되어 있지 않습니다.", "Chưa đặt mật mã nhân viên trong kiosk.conf (passcode-hash).", "Walang staff passcode sa kiosk.conf (passcode-hash).", "Nenhuma senha de funcionário definida no kiosk.conf (passcode-hash).", "kiosk.conf मा कर्मचारी पासकोड (passcode-hash) राखिएको छैन।", "Kode sandi petugas belum diatur di kiosk.conf (passcode-hash)."),
"Too many wrong passcodes. Restart needed.": ("密码错误次数过多。需要重新启动。", "비밀번호를 너무 많이 틀렸습니다. 재시작이 필요합니다.", "Nhập sai mật mã quá nhiều lần. Cần khởi động lại.", "Masyadong maraming maling passcode. Kailangang i-restart.", "Muitas senhas erradas. É preciso reiniciar.", "धेरै पटक गलत पासकोड। पुनः सुरु गर्नुपर्छ।", "Terlalu banyak kode sandi salah. Perlu dinyalakan ulang."),
"Wrong passcode. Try again.": ("密码错误。请重新输入。", "비밀번호가 틀렸습니다. 다시 입력해 주십시오.", "Sai mật mã. Xin thử lại.", "Mali ang passcode. Subukan muli.", "Senha errada. Tente novamente.", "पासकोड गलत भयो। फेरि प्रयास गर्नुहोस्।", "Kode sandi salah. Coba lagi."),
"OK": ("确定", "확인", "OK", "OK", "OK", "ठीक छ", "OK"),
"Enter the staff passcode": ("请输入工作人员密码", "직원용 비밀번호를 입력하십시오", "Nhập mật mã nhân viên", "Ilagay ang staff passcode", "Digite a senha de funcionário", "कर्मचारी पासकोड लेख्नुहोस्", "Masukkan kode sandi petugas"),
"The card reader is not working. Please call a staff member.": ("读卡器无法使用。请叫工作人员。", "카드 리더기가 작동하지 않습니다. 직원을 불러 주십시오.", "Đầu đọc thẻ không hoạt động. Xin gọi nhân viên.", "Hindi gumagana ang card reader. Pakitawag po ang kawani.", "O leitor de cartão não está funcionando. Por favor, chame um funcionário.", "कार्ड रिडरले काम गरिरहेको छैन। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Pembaca kartu tidak berfungsi. Silakan panggil petugas."),
"This card cannot be read here. Please use your My Number card.": ("此卡无法在这里使用。请使用个人编号卡（My Number卡）。", "이 카드는 여기에서 사용할 수 없습니다. 마이넘버 카드를 사용해 주십시오.", "Không thể dùng thẻ này ở đây. Xin dùng thẻ My Number.", "Hindi mababasa rito ang card na ito. Pakigamit ang iyong My Number card.", "Este cartão não pode ser lido aqui. Use o seu cartão My Number.", "यो कार्ड यहाँ पढ्न सकिँदैन। कृपया आफ्नो My Number कार्ड प्रयोग गर्नुहोस्।", "Kartu ini tidak dapat dibaca di sini. Silakan gunakan kartu My Number Anda."),
"The card could not be read. Please try again, or call a staff member.": ("未能读取卡。请再试一次，或叫工作人员。", "카드를 읽지 못했습니다. 다시 시도하시거나 직원을 불러 주십시오.", "Không đọc được thẻ. Xin thử lại hoặc gọi nhân viên.", "Hindi nabasa ang card. Subukan muli, o pakitawag po ang kawani.", "Não foi possível ler o cartão. Tente de novo ou chame um funcionário.", "कार्ड पढ्न सकिएन। फेरि प्रयास गर्नुहोस्, वा कर्मचारीलाई बोलाउनुहोस्।", "Kartu tidak dapat dibaca. Silakan coba lagi atau panggil petugas."),
"The card was taken off the reader, so everything was erased. Please start again.": ("卡已从读卡器上取下，所有内容已删除。请从头开始。", "카드가 리더기에서 떨어져 입력한 내용을 모두 지웠습니다. 처음부터 다시 해 주십시오.", "Thẻ đã bị lấy ra khỏi đầu đọc nên mọi thông tin đã bị xóa. Xin làm lại từ đầu.", "Naalis ang card sa reader kaya binura ang lahat. Pakiulit po mula sa simula.", "O cartão foi retirado do leitor, por isso tudo foi apagado. Comece de novo, por favor.", "कार्ड रिडरबाट निकालियो, त्यसैले सबै मेटाइयो। कृपया फेरि सुरुदेखि गर्नुहोस्।", "Kartu diambil dari pembaca, jadi semuanya dihapus. Silakan mulai lagi."),
"The PIN of this card is locked. Please go to the counter; staff will help you.": ("此卡的密码已被锁定。请到窗口，工作人员会为您办理。", "이 카드의 비밀번호가 잠겨 있습니다. 창구로 가 주십시오. 직원이 도와드립니다.", "Mã PIN của thẻ này đã bị khóa. Xin đến quầy, nhân viên sẽ giúp quý vị.", "Naka-lock ang PIN ng card na ito. Pumunta po sa counter; tutulungan ka ng kawani.", "O PIN deste cartão está bloqueado. Dirija-se ao balcão; um funcionário vai ajudar.", "यो कार्डको PIN लक भएको छ। कृपया काउन्टरमा जानुहोस्; कर्मचारीले सहयोग गर्नुहुन्छ।", "PIN kartu ini terkunci. Silakan ke loket; petugas akan membantu Anda."),
"Time ran out, so everything was erased.": ("已超时，所有内容已删除。", "시간이 지나 입력한 내용을 모두 지웠습니다.", "Đã hết thời gian nên mọi thông tin đã bị xóa.", "Naubos ang oras kaya binura ang lahat.", "O tempo acabou, por isso tudo foi apagado.", "समय सकियो, त्यसैले सबै मेटाइयो।", "Waktu habis, jadi semuanya dihapus."),
"This form cannot be printed here. Please go to the counter; staff will write it with you.": ("此表格无法在这里打印。请到窗口，工作人员会和您一起填写。", "이 서류는 여기에서 인쇄할 수 없습니다. 창구로 가 주십시오. 직원이 함께 작성해 드립니다.", "Không thể in giấy này ở đây. Xin đến quầy, nhân viên sẽ cùng quý vị điền.", "Hindi maipi-print dito ang form na ito. Pumunta po sa counter; sasamahan ka ng kawani sa pagsulat nito.", "Este formulário não pode ser impresso aqui. Dirija-se ao balcão; um funcionário vai preenchê-lo com o(a) senhor(a).", "यो फारम यहाँ छाप्न सकिँदैन। कृपया काउन्टरमा जानुहोस्; कर्मचारीले तपाईंसँगै भर्नुहुन्छ।", "Formulir ini tidak dapat dicetak di sini. Silakan ke loket; petugas akan mengisinya bersama Anda."),
"The printer cannot be found. Please call a staff member.": ("找不到打印机。请叫工作人员。", "프린터를 찾을 수 없습니다. 직원을 불러 주십시오.", "Không tìm thấy máy in. Xin gọi nhân viên.", "Hindi makita ang printer. Pakitawag po ang kawani.", "A impressora não foi encontrada. Por favor, chame um funcionário.", "प्रिन्टर भेटिएन। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Printer tidak ditemukan. Silakan panggil petugas."),
"The printer is switched off or not connected. Please call a staff member.": ("打印机电源已关闭或未连接。请叫工作人员。", "프린터 전원이 꺼져 있거나 연결되어 있지 않습니다. 직원을 불러 주십시오.", "Máy in đang tắt hoặc chưa được kết nối. Xin gọi nhân viên.", "Nakapatay o hindi nakakonekta ang printer. Pakitawag po ang kawani.", "A impressora está desligada ou desconectada. Por favor, chame um funcionário.", "प्रिन्टर बन्द छ वा जोडिएको छैन। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Printer mati atau tidak terhubung. Silakan panggil petugas."),
"The printer is out of paper. Please call a staff member, then press Try again.": ("打印机没有纸了。请叫工作人员，放好纸后按“重试”。", "프린터에 용지가 없습니다. 직원을 부르시고 용지가 들어가면 「다시 시도」를 눌러 주십시오.", "Máy in hết giấy. Xin gọi nhân viên, sau đó bấm «Thử lại».", "Walang papel ang printer. Pakitawag po ang kawani, saka pindutin ang Subukan muli.", "A impressora está sem papel. Chame um funcionário e depois toque em Tentar de novo.", "प्रिन्टरमा कागज छैन। कृपया कर्मचारीलाई बोलाउनुहोस्, त्यसपछि «फेरि प्रयास गर्नुहोस्» थिच्नुहोस्।", "Kertas printer habis. Silakan panggil petugas, lalu tekan Coba lagi."),
"The printer has a problem. Please call a staff member.": ("打印机出现问题。请叫工作人员。", "프린터에 문제가 있습니다. 직원을 불러 주십시오.", "Máy in gặp sự cố. Xin gọi nhân viên.", "May problema ang printer. Pakitawag po ang kawani.", "A impressora tem um problema. Por favor, chame um funcionário.", "प्रिन्टरमा समस्या छ। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Printer bermasalah. Silakan panggil petugas."),
"Something went wrong. Please call a staff member.": ("出现了问题。请叫工作人员。", "문제가 발생했습니다. 직원을 불러 주십시오.", "Đã có lỗi xảy ra. Xin gọi nhân viên.", "May nangyaring mali. Pakitawag po ang kawani.", "Algo deu errado. Por favor, chame um funcionário.", "केही गडबड भयो। कृपया कर्मचारीलाई बोलाउनुहोस्।", "Terjadi kesalahan. Silakan panggil petugas."),
"Please put your My Number card on the card reader": ("请把个人编号卡（My Number卡）放到读卡器上", "마이넘버 카드를 카드 리더기에 올려 주십시오", "Xin đặt thẻ My Number lên đầu đọc thẻ", "Pakilagay ang iyong My Number card sa card reader", "Coloque o seu cartão My Number no leitor de cartão", "कृपया आफ्नो My Number कार्ड कार्ड रिडरमा राख्नुहोस्", "Silakan letakkan kartu My Number Anda di pembaca kartu"),
"Face up, with the photo side on top. Leave it there until we say you can take it.": ("有照片的一面朝上。在提示可以取走之前，请一直放着。", "사진이 있는 면을 위로 해 주십시오. 가져가셔도 된다는 안내가 나올 때까지 그대로 두십시오.", "Mặt có ảnh hướng lên trên. Xin để nguyên cho đến khi có thông báo được lấy ra.", "Nakaharap sa itaas ang may larawan. Iwanan ito roon hanggang sabihin naming puwede mo nang kunin.", "Com a foto virada para cima. Deixe-o ali até avisarmos que pode retirá-lo.", "फोटो भएको भाग माथि पार्नुहोस्। निकाल्न भनिएसम्म त्यहीँ राख्नुहोस्।", "Sisi foto menghadap ke atas. Biarkan di sana sampai kami beri tahu boleh diambil."),
"Please check your form": ("请确认表格内容", "서류 내용을 확인해 주십시오", "Xin kiểm tra nội dung giấy tờ", "Pakisuri po ang iyong form", "Confira o seu formulário", "कृपया आफ्नो फारम जाँच गर्नुहोस्", "Mohon periksa formulir Anda"),
"Preparing your form…": ("正在制作您的表格…", "서류를 만들고 있습니다…", "Đang chuẩn bị giấy tờ…", "Inihahanda ang iyong form…", "Preparando o seu formulário…", "तपाईंको फारम तयार गर्दैछ…", "Sedang menyiapkan formulir Anda…"),
"Is this correct?": ("这样可以吗？", "이대로 괜찮으십니까?", "Như vậy có đúng không?", "Tama ba ito?", "Está correto?", "के यो ठीक छ?", "Apakah ini sudah benar?"),
"Yes, print it": ("是，打印", "예, 인쇄합니다", "Đúng, in ra", "Oo, i-print", "Sim, imprimir", "हो, छाप्नुहोस्", "Ya, cetak"),
"Your form has been printed": ("表格已打印", "서류를 인쇄했습니다", "Giấy tờ đã được in", "Na-print na ang iyong form", "Seu formulário foi impresso", "तपाईंको फारम छापियो", "Formulir Anda sudah dicetak"),
"Please take your card back. Everything you entered has been erased from this machine.": ("请取回您的卡。您输入的所有内容已从本机删除。", "카드를 가져가 주십시오. 입력하신 내용은 이 기기에서 모두 지웠습니다.", "Xin lấy lại thẻ. Mọi thông tin quý vị đã nhập đều đã được xóa khỏi máy này.", "Pakikuha po ang iyong card. Binura na sa makinang ito ang lahat ng inilagay mo.", "Retire o seu cartão. Tudo o que digitou foi apagado desta máquina.", "कृपया आफ्नो कार्ड लिनुहोस्। तपाईंले लेखेका सबै कुरा यो मेसिनबाट मेटाइयो।", "Silakan ambil kembali kartu Anda. Semua yang Anda masukkan telah dihapus dari mesin ini."),
"Finish": ("结束", "끝내기", "Kết thúc", "Tapusin", "Concluir", "सकियो", "Selesai"),
"What would you like to do?": ("请选择您要办理的事项", "어떤 용무로 오셨습니까?", "Quý vị muốn làm thủ tục gì?", "Ano ang nais mong gawin?", "O que deseja fazer?", "तपाईं के गर्न चाहनुहुन्छ?", "Apa yang ingin Anda lakukan?"),
"Touch a button. You do not need to write anything.": ("请触摸按钮。不需要手写任何内容。", "버튼을 눌러 주십시오. 글씨를 쓰실 필요가 없습니다.", "Xin chạm vào nút. Quý vị không cần viết gì cả.", "Pindutin ang isang button. Hindi mo kailangang magsulat.", "Toque em um botão. Não é preciso escrever nada.", "बटन छुनुहोस्। केही लेख्नु पर्दैन।", "Sentuh tombol. Anda tidak perlu menulis apa pun."),
"No procedure is available at this kiosk now. Please go to the counter.": ("本机目前无法办理任何手续。请到窗口办理。", "지금 이 기기에서 할 수 있는 절차가 없습니다. 창구로 가 주십시오.", "Hiện máy này không có thủ tục nào. Xin đến quầy.", "Walang prosesong magagawa sa kiosk na ito ngayon. Pumunta po sa counter.", "Nenhum procedimento está disponível neste quiosque agora. Dirija-se ao balcão.", "अहिले यो किओस्कमा कुनै काम गर्न सकिँदैन। कृपया काउन्टरमा जानुहोस्।", "Saat ini tidak ada prosedur di kios ini. Silakan ke loket."),
"Forgot your PIN? Please ask at the counter.": ("忘记密码了吗？请到窗口咨询。", "비밀번호를 잊으셨습니까? 창구에 문의해 주십시오.", "Quên mã PIN? Xin hỏi tại quầy.", "Nakalimutan ang PIN? Magtanong po sa counter.", "Esqueceu o PIN? Pergunte no balcão.", "PIN बिर्सनुभयो? कृपया काउन्टरमा सोध्नुहोस्।", "Lupa PIN? Silakan tanyakan di loket."),
"Try again": ("重试", "다시 시도", "Thử lại", "Subukan muli", "Tentar de novo", "फेरि प्रयास गर्नुहोस्", "Coba lagi"),
"Stop and erase": ("停止并删除", "그만두고 지우기", "Dừng và xóa", "Itigil at burahin", "Parar e apagar", "रोकेर मेटाउनुहोस्", "Berhenti dan hapus"),
"Staff mode": ("工作人员模式", "직원 모드", "Chế độ nhân viên", "Staff mode", "Modo funcionário", "कर्मचारी मोड", "Mode petugas"),
"Procedures offered on this kiosk": ("本机提供的手续", "이 기기에서 제공하는 절차", "Các thủ tục có trên máy này", "Mga prosesong iniaalok sa kiosk na ito", "Procedimentos oferecidos neste quiosque", "यो किओस्कमा उपलब्ध कामहरू", "Prosedur yang tersedia di kios ini"),
"Printer (CUPS queue, empty = default)": ("打印机（CUPS 队列，留空 = 默认）", "프린터 (CUPS 대기열, 빈칸 = 기본값)", "Máy in (hàng đợi CUPS, để trống = mặc định)", "Printer (CUPS queue, blangko = default)", "Impressora (fila CUPS, vazio = padrão)", "प्रिन्टर (CUPS लाइन, खाली = पूर्वनिर्धारित)", "Printer (antrean CUPS, kosong = bawaan)"),
"Save settings": ("保存设置", "설정 저장", "Lưu cài đặt", "I-save ang settings", "Salvar configurações", "सेटिङ सेभ गर्नुहोस्", "Simpan pengaturan"),
"Check reader and printer": ("检查读卡器和打印机", "리더기와 프린터 확인", "Kiểm tra đầu đọc và máy in", "Suriin ang reader at printer", "Verificar leitor e impressora", "रिडर र प्रिन्टर जाँच्नुहोस्", "Periksa pembaca dan printer"),
"Print a test page": ("打印测试页", "테스트 인쇄", "In trang thử", "Mag-print ng test page", "Imprimir página de teste", "परीक्षण पाना छाप्नुहोस्", "Cetak halaman uji"),
"Resident forgot the PIN: use 照合番号B": ("居民忘记密码：使用照合番号B", "주민이 비밀번호를 잊음: 照合番号B 사용", "Người dân quên mã PIN: dùng 照合番号B", "Nakalimutan ng residente ang PIN: gamitin ang 照合番号B", "Morador esqueceu o PIN: usar o 照合番号B", "बासिन्दाले PIN बिर्सनुभयो: 照合番号B प्रयोग गर्नुहोस्", "Warga lupa PIN: gunakan 照合番号B"),
# --- language, large text, fallback marker, bilingual confirmation ---
"Larger text": ("放大文字", "글자 크게", "Chữ to hơn", "Mas malaking letra", "Letras maiores", "ठूला अक्षर", "Huruf lebih besar"),
"Language": ("语言", "언어", "Ngôn ngữ", "Wika", "Idioma", "भाषा", "Bahasa"),
"English": ("英文", "영어", "tiếng Anh", "Ingles", "inglês", "अंग्रेजी", "bahasa Inggris"),
"Japanese": ("日文", "일본어", "tiếng Nhật", "Japanese", "japonês", "जापानी", "bahasa Jepang"),
"Your answer": ("您的回答", "답변", "Câu trả lời của quý vị", "Ang iyong sagot", "Sua resposta", "तपाईंको उत्तर", "Jawaban Anda"),
"Printed on the form (Japanese)": ("表格上打印的内容（日文）", "서류에 인쇄되는 내용 (일본어)", "Nội dung in trên giấy (tiếng Nhật)", "Nakalimbag sa form (Japanese)", "Impresso no formulário (japonês)", "फारममा छापिने (जापानी)", "Tercetak di formulir (bahasa Jepang)"),
"The form is printed in Japanese.": ("表格以日文打印。", "서류는 일본어로 인쇄됩니다.", "Giấy tờ được in bằng tiếng Nhật.", "Naka-print sa wikang Japanese ang form.", "O formulário é impresso em japonês.", "फारम जापानी भाषामा छापिन्छ।", "Formulir dicetak dalam bahasa Jepang."),
}


def q(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for li, lang in enumerate(LANGS):
        name, plural = META[lang]
        out = ['# SPDX-FileCopyrightText: 2026 The kakanai authors',
               '# SPDX-License-Identifier: MIT',
               f'# {name} translation of kakanai-kiosk, generated by po/mkpo-langs.py.',
               f'# Review status: {REVIEW}.',
               '# Plain, polite public-service language; the msgids are English.',
               'msgid ""', 'msgstr ""',
               '"Project-Id-Version: kakanai-kiosk 0.1\\n"',
               '"PO-Revision-Date: 2026-12-05 08:00+0000\\n"',
               '"Last-Translator: kakanai developers (machine-assisted draft)\\n"',
               f'"Language-Team: {name} (review wanted)\\n"', f'"Language: {lang}\\n"',
               f'"X-Review-Status: {REVIEW}\\n"',
               '"MIME-Version: 1.0\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"',
               '"Content-Transfer-Encoding: 8bit\\n"', f'"Plural-Forms: {plural}\\n"', '']
        for k, row in T.items():
            v = row[li]
            if isinstance(k, tuple):
                out += ['msgid ' + q(k[0]), 'msgid_plural ' + q(k[1])]
                out += [f'msgstr[{i}] ' + q(f) for i, f in enumerate(v)]
                out.append('')
            else:
                out += ['msgid ' + q(k), 'msgstr ' + q(v), '']
        with open(os.path.join(here, lang + '.po'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(out))


if __name__ == '__main__':
    main()
