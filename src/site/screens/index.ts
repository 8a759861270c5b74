// Registers every screen element of the recreated site.
import './home';
import './start';
import './identify';
import './decision';
import './confirm-opposition';
import './opposed';
import './contacts';
import './edit-contact';
import './verify-contact';
import './credentials';
import './activated';
import './new-code';
import './delivery';
import './code-sent';
import './blocked';
import './not-covered';
